import { compareIds } from '../results/rank-entries.js';
import { assignedSheets } from './counting-scores.js';
import type { Score } from './score.js';

export interface ProgressCounts {
  /** Assignments (judge × entry) in the round. */
  assigned: number;
  final: number;
  draft: number;
  /** Assigned, with no score sheet at all. */
  missing: number;
}

export interface ScoringProgress {
  totals: ProgressCounts;
  judges: ({ judgeId: string } & ProgressCounts)[];
  entries: ({ entryId: string } & ProgressCounts)[];
}

const zero = (): ProgressCounts => ({ assigned: 0, final: 0, draft: 0, missing: 0 });

/**
 * How far judging has got in a category, per judge and per entry: final and draft sheets, and the
 * assignments with no sheet yet. Every entry in `entryIds` is listed (so an entry nobody was
 * assigned shows up with zeros), and so is every judge with an assignment. A sheet whose assignment
 * was taken away no longer counts, so final + draft + missing = assigned in every row. Lists are in
 * id order.
 */
export function scoringProgress(input: {
  entryIds: readonly string[];
  assignments: readonly { entryId: string; judgeId: string }[];
  scores: readonly Pick<Score, 'entryId' | 'judgeId' | 'final'>[];
}): ScoringProgress {
  const totals = zero();
  const judges = new Map<string, ProgressCounts>();
  const entries = new Map<string, ProgressCounts>(input.entryIds.map((entryId) => [entryId, zero()]));
  const countsOf = (map: Map<string, ProgressCounts>, id: string) => {
    let counts = map.get(id);
    if (!counts) map.set(id, (counts = zero()));
    return counts;
  };
  const bump = (entryId: string, judgeId: string, field: keyof ProgressCounts) => {
    totals[field] += 1;
    countsOf(judges, judgeId)[field] += 1;
    countsOf(entries, entryId)[field] += 1;
  };

  const sheets = assignedSheets(input.scores, input.assignments);
  const sheet = new Set(sheets.map((score) => JSON.stringify([score.entryId, score.judgeId])));
  for (const score of sheets) bump(score.entryId, score.judgeId, score.final ? 'final' : 'draft');
  for (const { entryId, judgeId } of input.assignments) {
    bump(entryId, judgeId, 'assigned');
    if (!sheet.has(JSON.stringify([entryId, judgeId]))) bump(entryId, judgeId, 'missing');
  }

  const rows = <K extends string>(map: Map<string, ProgressCounts>, key: K) =>
    [...map.entries()]
      .sort(([a], [b]) => compareIds(a, b))
      .map(([id, counts]) => ({ [key]: id, ...counts }) as { [P in K]: string } & ProgressCounts);
  return { totals, judges: rows(judges, 'judgeId'), entries: rows(entries, 'entryId') };
}
