import { settleUpload, type Settlement } from '../../domain/entries/evidence-rules.js';
import { parseEvidenceKey } from '../../evidence/evidence-key.js';
import { deleteEvidenceObject, headEvidenceObject, readLeadingBytes } from '../../evidence/evidence-objects.js';
import { matchesDeclaredType, SNIFF_BYTES, type SniffResult } from '../../evidence/sniff-content.js';
import { logger } from '../../http/logger.js';
import { findEntry } from '../../store/entries.js';
import { updateEntry } from '../entries/update-entry.js';

export type CheckOutcome = Settlement['outcome'] | 'stray';

/**
 * Checks an object the bucket reports as created under `entries/`: finds the pending evidence item
 * whose stored key is exactly this key, compares the object's size and stored type with the
 * declaration and its first bytes with the declared type, and marks the item available or rejected
 * (deleting a rejected object). Safe to run any number of times for one event: only a pending item
 * moves, in one conditional write, and every other case changes nothing. An object no pending item
 * expects is deleted.
 * @param eventKey the key as the event carries it (form-encoded from AWS, raw from the local server).
 */
export async function checkUploadedEvidence(eventKey: string, now: Date): Promise<CheckOutcome> {
  const parsed = parseEvidenceKey(eventKey);
  if (!parsed) {
    await deleteStray(eventKey);
    return 'stray';
  }
  const { entryId, evidenceId, key } = parsed;
  const found = await findEntry(entryId);
  const item = found?.evidence[evidenceId];
  const object = await headEvidenceObject(key);
  let sniff: SniffResult | undefined;
  if (object && item?.status === 'pending' && item.key === key && object.size === item.size) {
    const bytes = await readLeadingBytes(key, SNIFF_BYTES, object.etag);
    // Gone between HEAD and GET: another event (or a removal) deals with whatever is there now.
    if (!bytes) return 'unchanged';
    sniff = matchesDeclaredType(item.contentType, bytes);
  }

  let settlement: Settlement = settleUpload(found, parsed, object, sniff, now);
  if (found) {
    await updateEntry(entryId, (entry) => {
      settlement = settleUpload(entry, parsed, object, sniff, now);
      return settlement.entry ?? entry;
    });
  }
  if (settlement.object === 'delete' && object) await deleteEvidenceObject(key);
  logger.info('evidence upload checked', {
    key,
    outcome: settlement.outcome,
    object: settlement.object,
    ...(settlement.outcome === 'rejected' ? { reason: settlement.reason } : {}),
  });
  return settlement.outcome;
}

/**
 * Deletes an object under `entries/` whose key no upload grant makes. The event may carry it encoded
 * (AWS) or raw (local), and neither form can be a granted key, so both are removed.
 */
async function deleteStray(eventKey: string): Promise<void> {
  const candidates = new Set([eventKey]);
  try {
    candidates.add(decodeURIComponent(eventKey.replace(/\+/g, ' ')));
  } catch {
    // Not decodable: only the raw form can exist.
  }
  for (const key of candidates) await deleteEvidenceObject(key);
  logger.warn('stray object under the evidence prefix deleted', { key: eventKey });
}
