import { config } from '../../config.js';
import { assertOwnsEntry } from '../../domain/entries/entry-access.js';
import { downloadableEvidence, evidenceList, removeEvidence } from '../../domain/entries/evidence-rules.js';
import type { Entry } from '../../domain/entries/entry.js';
import type { SignedIn } from '../../domain/principal.js';
import { createDownloadUrl } from '../../evidence/download-link.js';
import { deleteEvidenceObject } from '../../evidence/evidence-objects.js';
import { logger } from '../../http/logger.js';
import { s3 } from '../../store/clients.js';
import { readableEntry } from '../entries/entry-lifecycle.js';
import { updateEntry } from '../entries/update-entry.js';
import { getCategory } from '../programmes.js';

/** Whether the caller is a judge of a blind category, who must not learn who entered. */
async function blindTo(principal: SignedIn, entry: Entry): Promise<boolean> {
  return principal.role === 'judge' && (await getCategory(entry.categoryId)).blind;
}

/** An entry's evidence files, for anyone who may read the entry. */
export async function listEvidence(principal: SignedIn, entryId: string, now: Date) {
  const entry = await readableEntry(principal, entryId);
  return { items: evidenceList(entry, now, await blindTo(principal, entry)) };
}

/** A one-minute download link for a checked file, saved under the entrant's file name. */
export async function evidenceDownload(principal: SignedIn, entryId: string, evidenceId: string, now: Date) {
  const entry = await readableEntry(principal, entryId);
  const item = downloadableEvidence(entry, evidenceId, now, await blindTo(principal, entry));
  return createDownloadUrl(s3(), { bucket: config().BUCKET_NAME, key: item.key, fileName: item.fileName, now });
}

/**
 * Removes an evidence file from a draft, then its object. The entry is written first: once the item
 * is gone nobody can get a link to the object, and an upload still on its way finds no item and is
 * deleted by the check. A failed object delete leaves an unreachable object, logged for tidying.
 */
export async function deleteEvidence(principal: SignedIn, entryId: string, evidenceId: string, now: Date) {
  let key: string | undefined;
  await updateEntry(entryId, (entry) => {
    assertOwnsEntry(principal, entry);
    key = entry.evidence[evidenceId]?.key;
    return removeEvidence(entry, evidenceId, principal.userId, now);
  });
  if (!key) return;
  try {
    await deleteEvidenceObject(key);
  } catch (error) {
    logger.error('evidence object not deleted', { key, error: error as Error });
  }
}
