import { ConflictError } from '../../domain/errors.js';
import type { SignedIn } from '../../domain/principal.js';
import { decideWinners, sameWinners, winnerMoves, type Winners } from '../../domain/shortlists/winners.js';
import { findEntries } from '../../store/entries.js';
import { findPublishedShortlist, findWinners, insertWinners } from '../../store/shortlists.js';
import { getCategory } from '../programmes.js';
import { moveEntries } from './move-entries.js';

/**
 * An organiser names the winner and any highly commended entries from the published shortlist.
 * One immutable item, public at once; then the entries move. Deciding again is refused (409), but
 * the same decision retried after a crash finishes the moves.
 */
export async function chooseWinners(
  principal: SignedIn,
  categoryId: string,
  choice: { winner: string; highlyCommended?: string[] | undefined },
  now: Date,
): Promise<Winners> {
  await getCategory(categoryId);
  const published = await findPublishedShortlist(categoryId);
  if (!published) throw new ConflictError('Publish the shortlist before choosing winners.');
  const decided = decideWinners(published, choice, principal.userId, now);
  const fresh = await insertWinners(decided);
  const winners = fresh ? decided : await findWinners(categoryId);
  if (!winners) throw new ConflictError('The winners are being decided; try again.');
  const finalists = await findEntries([winners.winner, ...winners.highlyCommended]);
  const moves = winnerMoves(winners, finalists);
  if (!fresh && (moves.length === 0 || !sameWinners(winners, decided))) {
    throw new ConflictError('The winners of this category are already decided.');
  }
  await moveEntries(
    moves.map((move) => ({ ...move, from: 'shortlisted' as const })),
    principal.userId,
    now,
    'winners announced',
  );
  return winners;
}
