import type { SignedIn } from '../../domain/principal.js';
import { visibleScores } from '../../domain/scoring/score-access.js';
import { scoresOfEntry } from '../../store/scores.js';
import { readableEntry } from '../entries/entry-lifecycle.js';

/** An entry's score sheets: all of them for an organiser, a judge's own only (404 unless assigned). */
export async function entryScores(principal: SignedIn, entryId: string) {
  await readableEntry(principal, entryId);
  return { entryId, items: visibleScores(principal, await scoresOfEntry(entryId)) };
}
