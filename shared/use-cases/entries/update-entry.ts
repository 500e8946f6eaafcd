import type { Entry } from '../../domain/entries/entry.js';
import { NotFoundError, UnavailableError } from '../../domain/errors.js';
import { findEntry, saveEntry } from '../../store/entries.js';

const ATTEMPTS = 5;

/**
 * Reads an entry, applies a change, and writes it back in one conditional write. When another
 * write (an evidence check, say) lands in between, it reads again and re-applies the change: the
 * change itself decides whether it still holds (an If-Match check inside it answers 412).
 */
export async function updateEntry(entryId: string, change: (entry: Entry) => Entry | Promise<Entry>): Promise<Entry> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await findEntry(entryId);
    if (!current) throw new NotFoundError('No such entry.');
    const next = await change(current);
    if (await saveEntry({ ...next, revision: current.revision + 1 }, current.revision)) {
      return { ...next, revision: current.revision + 1 };
    }
  }
  throw new UnavailableError('The entry is changing too often right now; try again.');
}
