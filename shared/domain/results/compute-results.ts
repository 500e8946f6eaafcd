import { shortlistConfidence } from './bootstrap-confidence.js';
import { checkResultsInput } from './check-results-input.js';
import { normaliseByJudge, type Normalisation, type Spread } from './judge-normalisation.js';
import { compareIds, rankByScore } from './rank-entries.js';
import { weightedScore, type CriterionWeight } from './weighted-score.js';

export type { CriterionWeight } from './weighted-score.js';
export { weightedScore } from './weighted-score.js';

/** A judge's final score for an entry: one mark per criterion. Draft scores never reach the results. */
export interface FinalScore {
  entryId: string;
  judgeId: string;
  scores: Readonly<Record<string, number>>;
}

export interface ResultsInput {
  criteria: readonly CriterionWeight[];
  /** Every entry that should appear in the results (submitted entries), scored or not. */
  entryIds: readonly string[];
  /** Final scores only. */
  scores: readonly FinalScore[];
  shortlistSize: number;
  /** Rounds of the confidence bootstrap; default {@link DEFAULT_BOOTSTRAP_ROUNDS}. */
  bootstrapRounds?: number;
  /** Seed of the bootstrap; default {@link DEFAULT_SEED}, so the same input always gives the same figures. */
  seed?: number;
}

/** One judge's contribution to an entry's result. */
export interface JudgeScore {
  judgeId: string;
  /** 0–100, see {@link weightedScore}. */
  weightedScore: number;
  /** On the pool's scale after removing this judge's leniency and spread (or the weighted score, on fallback). */
  normalisedScore: number;
  normalisation: Normalisation;
}

export interface RankedEntry {
  entryId: string;
  /** Competition rank by normalised score (1, 2, 2, 4); null for an entry with no final score. */
  rank: number | null;
  /** Mean of the judges' weighted scores. */
  rawScore: number | null;
  /** Mean of the judges' normalised scores: the figure the ranking uses. */
  normalisedScore: number | null;
  judgeCount: number;
  /** Highest minus lowest of the judges' weighted scores: how much the judges disagreed. */
  spread: number | null;
  /** Mean mark per criterion, in the criterion's own units (out of its maxScore). */
  criterionMeans: Record<string, number>;
  /** Shares its normalised score (within 1e-9), and so its rank, with another entry. */
  tied: boolean;
  /** Share of bootstrap rounds in which the entry made the top shortlistSize; null when unscored. */
  confidence: number | null;
  /** Whether the entry is in or out of the shortlist is not settled by the scores (see {@link computeResults}). */
  tooCloseToCall: boolean;
  /** Per judge, ordered by judge id. */
  judges: JudgeScore[];
}

export interface Results {
  /** Ranked entries by rank (ties by id), then unscored entries by id. */
  ranking: RankedEntry[];
  method: 'z-score per judge with raw fallback';
  shortlistSize: number;
  /** Entries tied with each other across the shortlist boundary: all of them are in the proposed shortlist. */
  boundaryTie: string[];
  /** Mean and spread of every final weighted score in the category: the scale normalised scores are put on. */
  pool: Spread | null;
  bootstrap: { rounds: number; seed: number };
}

export const DEFAULT_BOOTSTRAP_ROUNDS = 500;
/** Fixed, so that the figures an organiser sees do not change from one request to the next. */
export const DEFAULT_SEED = 20_261_123;
/**
 * An entry inside the shortlist in between 10% and 90% of bootstrap rounds is too close to call: a
 * different draw of its judges would quite often have put it on the other side of the line, so an
 * organiser should look at it (read the comments, perhaps ask another judge) rather than trust the cut.
 * Outside this band, nine draws in ten or more agree.
 */
export const TOO_CLOSE_TO_CALL = { low: 0.1, high: 0.9 } as const;

/**
 * Fair results for one category: each judge's final marks are weighted into a 0–100 figure; each
 * judge's leniency and spread are removed (z-score per judge, put back on the pool's scale); entries
 * are ranked by the mean of their judges' normalised figures, ties shared and flagged; and a seeded
 * bootstrap over each entry's judges says how firmly each entry sits inside or outside the shortlist.
 *
 * Why normalise: with incomplete panels, an entry's raw mean depends on which judges it drew. A lenient
 * judge lifts every entry they score; a judge who uses the whole scale moves their entries further than
 * one who marks everything 6 or 7. Expressing each mark as "how far above or below this judge's own
 * average, in this judge's own steps" removes both, while keeping every judge's own order of entries.
 *
 * Guard rails: a judge with fewer than 3 final scores, or who gave every entry the same weighted score,
 * has no reliable average or step, so their weighted scores are used as they are.
 *
 * Deterministic: the same input, in any order, gives the same output.
 * The plain-words version for organisers is METHOD.md beside this file.
 *
 * @throws InvalidError when a mark is out of range, a criterion is missing, a judge scored an entry
 *   twice, or a score names an entry not in `entryIds`
 */
export function computeResults(input: ResultsInput): Results {
  checkResultsInput(input);
  const rounds = input.bootstrapRounds ?? DEFAULT_BOOTSTRAP_ROUNDS;
  const seed = input.seed ?? DEFAULT_SEED;

  // Sorted so that sums, and the bootstrap's use of the random sequence, never depend on input order.
  const scores = [...input.scores].sort((a, b) => compareIds(a.entryId, b.entryId) || compareIds(a.judgeId, b.judgeId));
  const { marks, pool } = normaliseByJudge(
    scores.map((score) => ({
      entryId: score.entryId,
      judgeId: score.judgeId,
      weighted: weightedScore(input.criteria, score.scores),
    })),
  );

  const byEntry = new Map<string, { judges: JudgeScore[]; marks: Readonly<Record<string, number>>[] }>();
  marks.forEach((mark, i) => {
    const entry = byEntry.get(mark.entryId) ?? { judges: [], marks: [] };
    entry.judges.push({
      judgeId: mark.judgeId,
      weightedScore: mark.weighted,
      normalisedScore: mark.normalised,
      normalisation: mark.normalisation,
    });
    entry.marks.push(scores[i]!.scores);
    byEntry.set(mark.entryId, entry);
  });

  const scoredIds = [...byEntry.keys()];
  const summaries = new Map(
    scoredIds.map((entryId) => {
      const { judges, marks: entryMarks } = byEntry.get(entryId)!;
      const weighted = judges.map((judge) => judge.weightedScore);
      const criterionMeans: Record<string, number> = {};
      for (const criterion of input.criteria) {
        criterionMeans[criterion.id] = mean(entryMarks.map((own) => own[criterion.id]!));
      }
      return [
        entryId,
        {
          rawScore: mean(weighted),
          normalisedScore: mean(judges.map((judge) => judge.normalisedScore)),
          spread: Math.max(...weighted) - Math.min(...weighted),
          criterionMeans,
          judges,
        },
      ] as const;
    }),
  );

  const confidence = shortlistConfidence(
    scoredIds.map((entryId) => summaries.get(entryId)!.judges.map((judge) => judge.normalisedScore)),
    input.shortlistSize,
    rounds,
    seed,
  );
  const confidenceOf = new Map(scoredIds.map((entryId, i) => [entryId, confidence[i]!]));

  const placed = rankByScore(scoredIds.map((entryId) => ({ entryId, score: summaries.get(entryId)!.normalisedScore })));
  const boundaryTie = placed
    .filter((entry) => entry.rank <= input.shortlistSize && entry.rank + entry.tieSize - 1 > input.shortlistSize)
    .map((entry) => entry.entryId);

  const ranked: RankedEntry[] = placed.map((entry) => {
    const summary = summaries.get(entry.entryId)!;
    const share = confidenceOf.get(entry.entryId)!;
    return {
      entryId: entry.entryId,
      rank: entry.rank,
      rawScore: summary.rawScore,
      normalisedScore: summary.normalisedScore,
      judgeCount: summary.judges.length,
      spread: summary.spread,
      criterionMeans: summary.criterionMeans,
      tied: entry.tied,
      confidence: share,
      tooCloseToCall:
        (share >= TOO_CLOSE_TO_CALL.low && share <= TOO_CLOSE_TO_CALL.high) || boundaryTie.includes(entry.entryId),
      judges: summary.judges,
    };
  });
  const unscored: RankedEntry[] = [...input.entryIds]
    .filter((entryId) => !byEntry.has(entryId))
    .sort(compareIds)
    .map((entryId) => ({
      entryId,
      rank: null,
      rawScore: null,
      normalisedScore: null,
      judgeCount: 0,
      spread: null,
      criterionMeans: {},
      tied: false,
      confidence: null,
      tooCloseToCall: false,
      judges: [],
    }));

  return {
    ranking: [...ranked, ...unscored],
    method: 'z-score per judge with raw fallback',
    shortlistSize: input.shortlistSize,
    boundaryTie,
    pool,
    bootstrap: { rounds, seed },
  };
}

/**
 * The default shortlist: every ranked entry whose rank is within `shortlistSize`. A tie across the
 * boundary is never cut: all the tied entries are included (so the list can be longer than
 * `shortlistSize`), and `results.boundaryTie` names them so the organiser can decide, with a reason.
 */
export function proposedShortlist(results: Results): string[] {
  return results.ranking
    .filter((entry) => entry.rank !== null && entry.rank <= results.shortlistSize)
    .map((entry) => entry.entryId);
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
