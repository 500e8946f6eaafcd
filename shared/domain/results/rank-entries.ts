/** Scores closer than this are equal: they differ only by floating-point rounding, not by judgement. */
export const TIE_TOLERANCE = 1e-9;

export interface Placed {
  entryId: string;
  score: number;
  /** Shared by every entry in a tie; the next entry's rank skips the places the tie took (1, 2, 2, 4). */
  rank: number;
  tied: boolean;
  /** How many entries share this rank (1 when not tied). */
  tieSize: number;
}

/**
 * Ranks entries by score, highest first, with standard competition ranking: tied entries share a rank
 * and are flagged, and no tie is broken by anything but the score. Within a tie the order is by id only
 * so that the output is stable. Scores within {@link TIE_TOLERANCE} of their neighbour form one tie,
 * so a chain of near-equal scores is never split between two ranks.
 */
export function rankByScore(scored: readonly { entryId: string; score: number }[]): Placed[] {
  const ordered = [...scored].sort((a, b) => b.score - a.score || compareIds(a.entryId, b.entryId));
  const placed: Placed[] = [];
  let start = 0;
  while (start < ordered.length) {
    let end = start + 1;
    while (end < ordered.length && ordered[end - 1]!.score - ordered[end]!.score <= TIE_TOLERANCE) end += 1;
    const tie = ordered.slice(start, end).sort((a, b) => compareIds(a.entryId, b.entryId));
    for (const entry of tie) {
      placed.push({ ...entry, rank: start + 1, tied: tie.length > 1, tieSize: tie.length });
    }
    start = end;
  }
  return placed;
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
