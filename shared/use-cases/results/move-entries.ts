import type { EntryStatus } from '../../domain/entries/entry.js';
import { moveEntry } from '../../domain/entries/transitions.js';
import { updateEntry } from '../entries/update-entry.js';

/** How many entries move at once: enough to finish a large category quickly, few enough not to throttle. */
const PARALLEL = 8;

/**
 * Moves entries from one status to another, each in its own conditional write with its history line.
 * An entry that is no longer in the `from` status (moved by an earlier, interrupted run, or changed
 * meanwhile) is skipped, so the whole set can be run again safely.
 */
export async function moveEntries(
  moves: readonly { entryId: string; from: EntryStatus; to: EntryStatus }[],
  by: string,
  now: Date,
  note: string,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < moves.length) {
      const move = moves[next++]!;
      // Returning the entry unchanged writes nothing (updateEntry): an entry already moved stays as it is.
      await updateEntry(move.entryId, (entry) =>
        entry.status === move.from ? moveEntry(entry, move.to, by, now, note) : entry,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, moves.length) }, worker));
}
