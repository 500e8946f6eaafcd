import type { Category } from '../../domain/categories.js';
import { computeResults, type Results } from '../../domain/results/compute-results.js';
import { countingScores } from '../../domain/scoring/counting-scores.js';
import { JUDGED_STATUSES } from '../../domain/scoring/score.js';
import { assignedPairsOfCategory } from '../../store/assignments.js';
import { entryHeadlinesOfCategory, type EntryHeadline } from '../../store/entries.js';
import { scoreMarksOfCategory, type ScoreMarks } from '../../store/scores.js';
import { getCategory } from '../programmes.js';

export interface JudgedCategory {
  category: Category;
  /** Every entry of the category, whatever its status. */
  allEntries: EntryHeadline[];
  /** Submitted entries and those already judged (shortlisted, winners…): the field the results rank. */
  entries: EntryHeadline[];
  /** Final scores of those entries from judges still assigned to them: what the results count. */
  finalScores: ScoreMarks[];
  results: Results;
}

/**
 * Reads a category's entries, assignments and scores (three Queries, all pages, in parallel) and
 * computes its results over the final scores of the entries in judging, from judges still assigned.
 */
export async function judgedCategory(categoryId: string) {
  const category = await getCategory(categoryId);
  const [allEntries, assignments, scores] = await Promise.all([
    entryHeadlinesOfCategory(categoryId),
    assignedPairsOfCategory(categoryId),
    scoreMarksOfCategory(categoryId),
  ]);
  const entries = allEntries.filter((entry) => JUDGED_STATUSES.has(entry.status));
  const inField = new Set(entries.map((entry) => entry.entryId));
  const finalScores = countingScores(scores, assignments).filter((score) => inField.has(score.entryId));
  const results = computeResults({
    criteria: category.criteria,
    entryIds: [...inField],
    scores: finalScores,
    shortlistSize: category.shortlistSize,
  });
  return { category, allEntries, entries, finalScores, results } satisfies JudgedCategory;
}
