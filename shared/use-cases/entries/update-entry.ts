import type { Entry } from '../../domain/entries/entry.js';
import { NotFoundError, UnavailableError } from '../../domain/errors.js';
import { findEntry, saveEntry } from '../../store/entries.js';

const ATTEMPTS = 5;

export interface UpdateOptions {
  /** Read–change–write rounds before giving up with 503 (default 5). */
  attempts?: number;
  /**
   * Upper bound in ms of a random pause before each retry, doubling per round up to 32 times: spreads
   * out writers that race for one entry (many evidence requests at once). Default 0.
   */
  backoffMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads an entry, applies a change, and writes it back in one conditional write. When another
 * write (an evidence check, say) lands in between, it reads again and re-applies the change: the
 * change itself decides whether it still holds (an If-Match check inside it answers 412). A change
 * that returns the entry it was given writes nothing (a duplicate event, say).
 */
export async function updateEntry(
  entryId: string,
  change: (entry: Entry) => Entry | Promise<Entry>,
  options: UpdateOptions = {},
): Promise<Entry> {
  const { attempts = ATTEMPTS, backoffMs = 0 } = options;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0 && backoffMs > 0) await pause(Math.random() * backoffMs * 2 ** Math.min(attempt - 1, 5));
    const current = await findEntry(entryId);
    if (!current) throw new NotFoundError('No such entry.');
    const next = await change(current);
    if (next === current) return current;
    if (await saveEntry({ ...next, revision: current.revision + 1 }, current.revision)) {
      return { ...next, revision: current.revision + 1 };
    }
  }
  throw new UnavailableError('The entry is changing too often right now; try again.');
}
