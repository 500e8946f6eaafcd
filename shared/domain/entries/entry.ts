export type EntryStatus =
  'draft' | 'submitted' | 'withdrawn' | 'shortlisted' | 'not_shortlisted' | 'winner' | 'highly_commended';

/** One line of an entry's audit trail, appended in the same write as the change it records. */
export interface HistoryEvent {
  at: string;
  by: string;
  action: 'created' | 'edited' | 'status' | 'evidence';
  from?: EntryStatus;
  to?: EntryStatus;
  /** What changed, or why (an override reason, a rejected file). */
  note?: string;
}

export type EvidenceStatus = 'pending' | 'available' | 'rejected';

export interface EvidenceItem {
  evidenceId: string;
  fileName: string;
  contentType: string;
  size: number;
  key: string;
  status: EvidenceStatus;
  rejectedReason?: string;
  createdAt: string;
  /** The presigned upload stops working at this time; a pending item past it is stale. */
  uploadExpiresAt: string;
  updatedAt: string;
  /** The ETag of the object that was checked; a later object under the same key is not that file. */
  etag?: string;
}

/**
 * An award entry. `version` is what clients see as the ETag (title, answers, status);
 * `revision` changes on every write, evidence included, and guards each conditional write.
 */
export interface Entry {
  entryId: string;
  categoryId: string;
  programmeId: string;
  orgCode: string;
  title: string;
  answers: Record<string, string>;
  status: EntryStatus;
  version: number;
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  submittedAt?: string;
  history: HistoryEvent[];
  evidence: Record<string, EvidenceItem>;
}
