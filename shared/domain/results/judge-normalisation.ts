/** A judge's final weighted score (0–100) for one entry. */
export interface WeightedMark {
  entryId: string;
  judgeId: string;
  weighted: number;
}

/** How a mark was put on the common scale: the z-score route, or left as it was (see the guard rails). */
export type Normalisation = 'z-score' | 'raw fallback';

export interface NormalisedMark extends WeightedMark {
  normalised: number;
  normalisation: Normalisation;
}

/** Mean and (population) standard deviation of a set of marks. */
export interface Spread {
  mean: number;
  stdev: number;
}

/** Below this many final scores a judge's own mean and spread are too shaky to correct against. */
export const MIN_SCORES_TO_NORMALISE = 3;
/** A judge whose marks differ by less than this gave everyone the same mark: there is no spread to divide by. */
const ZERO_SPREAD = 1e-9;

/**
 * Removes each judge's leniency and spread. For a judge with enough varied marks, each mark becomes
 * z = (x − judge mean) / judge stdev and is mapped back to the pool's scale (pool mean + pool stdev · z),
 * so it still reads as a 0–100-like figure. A judge with fewer than {@link MIN_SCORES_TO_NORMALISE}
 * marks, or with no spread, keeps the raw weighted marks.
 *
 * Within one judge the map is increasing and affine, so a judge's own order of entries never changes.
 * Population (not sample) standard deviations are used throughout, for the judge and the pool alike,
 * so the two cancel consistently.
 */
export function normaliseByJudge(marks: readonly WeightedMark[]): { marks: NormalisedMark[]; pool: Spread | null } {
  if (marks.length === 0) return { marks: [], pool: null };
  const pool = spreadOf(marks.map((mark) => mark.weighted));
  const byJudge = new Map<string, number[]>();
  for (const mark of marks) {
    const own = byJudge.get(mark.judgeId) ?? [];
    own.push(mark.weighted);
    byJudge.set(mark.judgeId, own);
  }
  const judgeSpread = new Map<string, Spread | null>();
  for (const [judgeId, own] of byJudge) {
    const spread = spreadOf(own);
    judgeSpread.set(judgeId, own.length >= MIN_SCORES_TO_NORMALISE && spread.stdev > ZERO_SPREAD ? spread : null);
  }
  return {
    pool,
    marks: marks.map((mark) => {
      const own = judgeSpread.get(mark.judgeId);
      if (!own) return { ...mark, normalised: mark.weighted, normalisation: 'raw fallback' };
      const z = (mark.weighted - own.mean) / own.stdev;
      return { ...mark, normalised: pool.mean + pool.stdev * z, normalisation: 'z-score' };
    }),
  };
}

function spreadOf(values: readonly number[]): Spread {
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { mean, stdev: Math.sqrt(squares / values.length) };
}
