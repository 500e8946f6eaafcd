import type { Entry } from '../entries/entry.js';
import { InvalidError, type FieldError } from '../errors.js';
import type { EntryMove, PublishedShortlist } from './publication.js';

/** A category's winner and highly commended entries: one immutable item, public at once. */
export interface Winners {
  categoryId: string;
  programmeId: string;
  winner: string;
  highlyCommended: string[];
  decidedAt: string;
  decidedBy: string;
}

/**
 * The organiser's choice of winner and highly commended entries, all from the published
 * shortlist, each named once (the winner is not also highly commended).
 */
export function decideWinners(
  published: Pick<PublishedShortlist, 'categoryId' | 'programmeId' | 'entryIds'>,
  choice: { winner: string; highlyCommended?: readonly string[] | undefined },
  by: string,
  now: Date,
): Winners {
  const shortlisted = new Set(published.entryIds);
  const problems: FieldError[] = [];
  if (!shortlisted.has(choice.winner)) {
    problems.push({ path: 'body.winner', message: 'is not on the published shortlist' });
  }
  const named = new Set([choice.winner]);
  const highlyCommended = [...(choice.highlyCommended ?? [])];
  highlyCommended.forEach((entryId, i) => {
    const path = `body.highlyCommended.${i}`;
    if (named.has(entryId)) problems.push({ path, message: 'is already named' });
    else if (!shortlisted.has(entryId)) problems.push({ path, message: 'is not on the published shortlist' });
    named.add(entryId);
  });
  if (problems.length > 0) throw new InvalidError('The winners must come from the published shortlist.', problems);
  return {
    categoryId: published.categoryId,
    programmeId: published.programmeId,
    winner: choice.winner,
    highlyCommended,
    decidedAt: now.toISOString(),
    decidedBy: by,
  };
}

/** Whether two decisions name the same winner and the same highly commended entries. */
export const sameWinners = (
  a: Pick<Winners, 'winner' | 'highlyCommended'>,
  b: Pick<Winners, 'winner' | 'highlyCommended'>,
) =>
  a.winner === b.winner &&
  a.highlyCommended.length === b.highlyCommended.length &&
  a.highlyCommended.every((id) => b.highlyCommended.includes(id));

/**
 * What the winners do to the finalists' entries: the winner becomes winner, the highly commended
 * highly commended. An entry already moved is left alone, so the moves can be run again safely.
 */
export function winnerMoves(winners: Winners, entries: readonly Pick<Entry, 'entryId' | 'status'>[]): EntryMove[] {
  const target = new Map<string, EntryMove['to']>([
    [winners.winner, 'winner'],
    ...winners.highlyCommended.map((entryId) => [entryId, 'highly_commended'] as const),
  ]);
  return entries.flatMap((entry) => {
    const to = target.get(entry.entryId);
    return to && entry.status === 'shortlisted' ? [{ entryId: entry.entryId, to }] : [];
  });
}
