/** One scoring criterion as the results need it: how much it counts and its top mark. */
export interface CriterionWeight {
  id: string;
  /** Any positive number; only a criterion's share of the total weight matters. */
  weight: number;
  /** Marks run from 0 to this value. */
  maxScore: number;
}

/**
 * A judge's weighted score for one entry, on a 0–100 scale:
 * Σ_c (w_c / Σw) · (s_c / maxScore_c) · 100.
 *
 * Weights are normalised, so weights 1,1,2 and 25,25,50 give the same figure; each mark is taken as a
 * share of its criterion's maximum, so a criterion marked out of 5 and one out of 100 are comparable.
 * Expects every criterion to be present and in range (computeResults checks that first); a missing
 * criterion would otherwise count as NaN rather than quietly as zero.
 */
export function weightedScore(criteria: readonly CriterionWeight[], scores: Readonly<Record<string, number>>): number {
  let totalWeight = 0;
  for (const criterion of criteria) totalWeight += criterion.weight;
  let sum = 0;
  for (const criterion of criteria) {
    const mark = scores[criterion.id] ?? Number.NaN;
    sum += (criterion.weight / totalWeight) * (mark / criterion.maxScore);
  }
  return sum * 100;
}
