/**
 * The life of an evidence file inside its entry: granted (pending), checked (available or rejected),
 * removed. Pure rules; the use cases in shared/use-cases/evidence do the I/O. Evidence lives in the
 * entry item, so each change here is part of one conditional write of the entry, which is what keeps
 * the per-category file limit exact when requests race.
 */
import {
  EVIDENCE_TYPE_DETAILS,
  hasExpectedExtension,
  isEvidenceContentType,
  type EvidenceContentType,
} from '../../evidence/evidence-types.js';
import type { SniffResult } from '../../evidence/sniff-content.js';
import type { Category } from '../categories.js';
import { ConflictError, InvalidError, NotFoundError } from '../errors.js';
import type { Entry, EvidenceItem, EvidenceStatus } from './entry.js';

/**
 * How long after its upload window a pending item still holds its place. S3 checks the policy's
 * expiry when the POST starts, so a large file can land a little after the window closes.
 */
export const ARRIVAL_GRACE_SECONDS = 5 * 60;

/** Rejected items kept on the entry for the entrant to read; older ones go when a new upload is granted. */
export const KEEP_REJECTED = 20;

/** Who the evidence check acts as in an entry's history. */
export const EVIDENCE_CHECKER = 'laurel:evidence-check';

/** What an entrant declares before uploading. */
export interface EvidenceDeclaration {
  fileName: string;
  contentType: EvidenceContentType;
  size: number;
}

/** The last moment a pending item may still receive its file. */
export function arrivalDeadline(item: Pick<EvidenceItem, 'uploadExpiresAt'>): number {
  return Date.parse(item.uploadExpiresAt) + ARRIVAL_GRACE_SECONDS * 1000;
}

/** A pending item whose file may still arrive; once its window (and grace) has passed it is expired. */
export function isLivePending(item: EvidenceItem, now: Date): boolean {
  return item.status === 'pending' && now.getTime() <= arrivalDeadline(item);
}

/** Files that count against the category's `maxEvidenceFiles`: available ones and live pending ones. */
export function countedFiles(entry: Pick<Entry, 'evidence'>, now: Date): number {
  return Object.values(entry.evidence).filter((e) => e.status === 'available' || isLivePending(e, now)).length;
}

/** An item's status as the API shows it: a pending item whose window passed reads as rejected. */
export function evidenceStatusAt(item: EvidenceItem, now: Date): { status: EvidenceStatus; rejectedReason?: string } {
  if (item.status === 'pending' && !isLivePending(item, now)) {
    return { status: 'rejected', rejectedReason: 'No file arrived before the upload link expired.' };
  }
  return { status: item.status, ...(item.rejectedReason ? { rejectedReason: item.rejectedReason } : {}) };
}

/**
 * The file name a reader sees. Judges of a blind category get "Evidence 2.pdf" instead: an
 * entrant's own file names ("Halton CCG board paper.pdf") would tell them who entered.
 */
export function shownFileName(item: EvidenceItem, position: number, hideOrigin: boolean): string {
  if (!hideOrigin) return item.fileName;
  const extension = isEvidenceContentType(item.contentType)
    ? EVIDENCE_TYPE_DETAILS[item.contentType].extensions[0]
    : '';
  return `Evidence ${position + 1}${extension ? `.${extension}` : ''}`;
}

const byId = (a: EvidenceItem, b: EvidenceItem) =>
  a.evidenceId < b.evidenceId ? -1 : a.evidenceId > b.evidenceId ? 1 : 0;

/** The evidence list entry for one item (no storage key). */
export function evidenceView(item: EvidenceItem, now: Date, fileName = item.fileName) {
  return {
    evidenceId: item.evidenceId,
    fileName,
    contentType: item.contentType,
    size: item.size,
    ...evidenceStatusAt(item, now),
    createdAt: item.createdAt,
  };
}

/** An entry's evidence, oldest first (ids are ULIDs, so id order is creation order). */
export function evidenceList(entry: Pick<Entry, 'evidence'>, now: Date, hideOrigin = false) {
  return Object.values(entry.evidence)
    .sort(byId)
    .map((item, position) => evidenceView(item, now, shownFileName(item, position, hideOrigin)));
}

const onlyDrafts = (entry: Entry) => {
  if (entry.status !== 'draft') {
    throw new ConflictError(`Evidence changes only on a draft; this entry is ${entry.status.replace('_', ' ')}.`);
  }
};

/**
 * Drops what no longer needs to be on the entry: expired pending items (a late file for one finds no
 * item and is deleted) and all but the newest {@link KEEP_REJECTED} rejected items. Keeps the entry
 * item small however often an entrant retries.
 */
function tidyEvidence(evidence: Record<string, EvidenceItem>, now: Date): Record<string, EvidenceItem> {
  const rejected = Object.values(evidence)
    .filter((e) => e.status === 'rejected')
    .sort((a, b) => (a.evidenceId < b.evidenceId ? 1 : -1))
    .slice(0, KEEP_REJECTED)
    .map((e) => e.evidenceId);
  const kept = new Set(rejected);
  return Object.fromEntries(
    Object.entries(evidence).filter(
      ([id, e]) => e.status === 'available' || (e.status === 'pending' ? isLivePending(e, now) : kept.has(id)),
    ),
  );
}

/**
 * Grants one more evidence file on a draft: the file name's extension must go with the declared type,
 * and the available plus live pending files must stay within the category's `maxEvidenceFiles`. The
 * new item is pending until its upload is checked. `version` (the client's ETag) does not move: an
 * entrant editing answers while files upload is not told the entry changed under them.
 */
export function grantEvidence(
  entry: Entry,
  category: Pick<Category, 'maxEvidenceFiles'>,
  grant: EvidenceDeclaration & { evidenceId: string; key: string; uploadExpiresAt: string },
  now: Date,
): Entry {
  onlyDrafts(entry);
  if (!hasExpectedExtension(grant.fileName, grant.contentType)) {
    throw new InvalidError('The file name does not end with an extension for its type.', [
      { path: 'body.fileName', message: `a ${grant.contentType} file needs a matching extension` },
    ]);
  }
  const evidence = tidyEvidence(entry.evidence, now);
  const counted = countedFiles({ evidence }, now);
  if (counted >= category.maxEvidenceFiles) {
    throw new ConflictError(
      `This category takes at most ${category.maxEvidenceFiles} evidence files, counting uploads in progress.`,
      { maxEvidenceFiles: category.maxEvidenceFiles },
    );
  }
  const at = now.toISOString();
  const item: EvidenceItem = {
    evidenceId: grant.evidenceId,
    fileName: grant.fileName,
    contentType: grant.contentType,
    size: grant.size,
    key: grant.key,
    status: 'pending',
    createdAt: at,
    uploadExpiresAt: grant.uploadExpiresAt,
    updatedAt: at,
  };
  return { ...entry, revision: entry.revision + 1, evidence: { ...evidence, [item.evidenceId]: item } };
}

/** What the storage says about an uploaded object. */
export interface StoredObject {
  size: number;
  etag: string;
  lastModified: Date;
  contentType?: string;
}

/** What to do with the object once the entry is written. */
export type ObjectAction = 'keep' | 'delete';

export type Settlement =
  | { outcome: 'available'; entry: Entry; object: 'keep' }
  | { outcome: 'rejected'; entry: Entry; object: 'delete'; reason: string }
  /** Nothing to record: a duplicate or late event, or an object no item expects (`delete`). */
  | { outcome: 'unchanged'; entry: Entry | undefined; object: ObjectAction };

function settle(entry: Entry, item: EvidenceItem, now: Date, verdict: { etag: string } | { reason: string }): Entry {
  const at = now.toISOString();
  const next: EvidenceItem =
    'etag' in verdict
      ? { ...item, status: 'available', etag: verdict.etag, updatedAt: at }
      : { ...item, status: 'rejected', rejectedReason: verdict.reason, updatedAt: at };
  const note =
    'etag' in verdict
      ? `evidence ${item.evidenceId} "${item.fileName}" available`
      : `evidence ${item.evidenceId} "${item.fileName}" rejected: ${verdict.reason}`;
  return {
    ...entry,
    revision: entry.revision + 1,
    evidence: { ...entry.evidence, [item.evidenceId]: next },
    history: [...entry.history, { at, by: EVIDENCE_CHECKER, action: 'evidence', note }],
  };
}

const mediaType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/** Why a pending item's object cannot become available, or undefined when it can. */
function rejection(entry: Entry, item: EvidenceItem, object: StoredObject, sniff: SniffResult | undefined) {
  if (entry.status !== 'draft') return `the entry was ${entry.status.replace('_', ' ')} before the file arrived`;
  if (object.lastModified.getTime() > arrivalDeadline(item)) return 'the file arrived after its upload link expired';
  if (object.size !== item.size) return `the file is ${object.size} bytes but ${item.size} were declared`;
  if (object.contentType !== undefined && mediaType(object.contentType) !== mediaType(item.contentType)) {
    return `the file was stored as ${object.contentType} but ${item.contentType} was declared`;
  }
  if (!sniff) throw new Error('an upload of the declared size must be sniffed before it is settled');
  return sniff.ok ? undefined : sniff.reason;
}

/**
 * Decides what an ObjectCreated event for `key` changes. Only a pending item whose stored key is
 * exactly `key` moves: to available when the object has the declared size, type and first bytes and
 * arrived in time on a draft, else to rejected (and the object is deleted). Anything else changes
 * nothing, so a duplicated or late event is harmless; an object no item expects is deleted, as is one
 * under a rejected item's key. An available file whose object was replaced after the check (same key,
 * another ETag, possible while the upload link is still valid) is rejected and deleted, so nobody is
 * handed bytes that were never checked.
 * @param sniff the verdict on the object's first bytes; needed when a pending item's object has the declared size.
 */
export function settleUpload(
  entry: Entry | undefined,
  ref: { evidenceId: string; key: string },
  object: StoredObject | undefined,
  sniff: SniffResult | undefined,
  now: Date,
): Settlement {
  const item = entry?.evidence[ref.evidenceId];
  if (!entry || !item || item.key !== ref.key) return { outcome: 'unchanged', entry, object: 'delete' };
  if (!object) return { outcome: 'unchanged', entry, object: 'keep' };
  if (item.status === 'rejected') return { outcome: 'unchanged', entry, object: 'delete' };
  if (item.status === 'available') {
    if (item.etag === undefined || item.etag === object.etag) return { outcome: 'unchanged', entry, object: 'keep' };
    const reason = 'the file was replaced after it was checked';
    return { outcome: 'rejected', entry: settle(entry, item, now, { reason }), object: 'delete', reason };
  }
  const reason = rejection(entry, item, object, sniff);
  if (reason !== undefined) {
    return { outcome: 'rejected', entry: settle(entry, item, now, { reason }), object: 'delete', reason };
  }
  return { outcome: 'available', entry: settle(entry, item, now, { etag: object.etag }), object: 'keep' };
}

/** The item a reader may download: it must exist (404) and be available (409). */
export function downloadableEvidence(
  entry: Entry,
  evidenceId: string,
  now: Date,
  hideOrigin = false,
): { key: string; fileName: string } {
  const item = entry.evidence[evidenceId];
  if (!item) throw new NotFoundError('No such evidence file.');
  if (item.status !== 'available') {
    const { status } = evidenceStatusAt(item, now);
    throw new ConflictError(`This evidence file is ${status}; only checked files can be downloaded.`, {
      evidenceStatus: status,
    });
  }
  const position = Object.values(entry.evidence).sort(byId).indexOf(item);
  return { key: item.key, fileName: shownFileName(item, position, hideOrigin) };
}

/** Removes one evidence file from a draft, recording it in the entry's history. */
export function removeEvidence(entry: Entry, evidenceId: string, by: string, now: Date): Entry {
  const item = entry.evidence[evidenceId];
  if (!item) throw new NotFoundError('No such evidence file.');
  onlyDrafts(entry);
  const evidence = Object.fromEntries(Object.entries(entry.evidence).filter(([id]) => id !== evidenceId));
  const at = now.toISOString();
  return {
    ...entry,
    revision: entry.revision + 1,
    evidence,
    history: [
      ...entry.history,
      { at, by, action: 'evidence', note: `evidence ${evidenceId} "${item.fileName}" removed` },
    ],
  };
}
