import { InvalidError, type FieldError } from '../errors.js';
import type { ResultsInput } from './compute-results.js';

/**
 * Refuses input the results cannot be fair about: a mark outside its criterion's range, a final score
 * missing a criterion, two final scores from one judge for one entry, or a score for an entry not in
 * the list. Each would otherwise skew a mean without anyone noticing.
 *
 * @throws InvalidError naming every offending field
 */
export function checkResultsInput(input: ResultsInput): void {
  const errors: FieldError[] = [];
  const complain = (path: string, message: string) => errors.push({ path, message });

  if (input.criteria.length === 0) complain('criteria', 'at least one criterion is needed');
  const criterionIds = new Set<string>();
  input.criteria.forEach((criterion, i) => {
    if (criterionIds.has(criterion.id)) complain(`criteria[${i}].id`, `criterion ${criterion.id} appears twice`);
    criterionIds.add(criterion.id);
    if (!(Number.isFinite(criterion.weight) && criterion.weight > 0)) {
      complain(`criteria[${i}].weight`, 'a weight must be a positive number');
    }
    if (!(Number.isFinite(criterion.maxScore) && criterion.maxScore > 0)) {
      complain(`criteria[${i}].maxScore`, 'a maximum score must be a positive number');
    }
  });

  const entryIds = new Set<string>();
  input.entryIds.forEach((entryId, i) => {
    if (entryIds.has(entryId)) complain(`entryIds[${i}]`, `entry ${entryId} appears twice`);
    entryIds.add(entryId);
  });

  if (!(Number.isInteger(input.shortlistSize) && input.shortlistSize >= 0)) {
    complain('shortlistSize', 'the shortlist size must be a whole number, zero or more');
  }
  if (input.bootstrapRounds !== undefined && !(Number.isInteger(input.bootstrapRounds) && input.bootstrapRounds >= 1)) {
    complain('bootstrapRounds', 'bootstrap rounds must be a whole number, one or more');
  }
  if (input.seed !== undefined && !Number.isInteger(input.seed)) complain('seed', 'the seed must be a whole number');

  const seen = new Set<string>();
  input.scores.forEach((score, i) => {
    if (!entryIds.has(score.entryId)) complain(`scores[${i}].entryId`, `entry ${score.entryId} is not in the list`);
    const pair = JSON.stringify([score.entryId, score.judgeId]);
    if (seen.has(pair)) {
      complain(`scores[${i}]`, `judge ${score.judgeId} has two final scores for entry ${score.entryId}`);
    }
    seen.add(pair);
    for (const criterion of input.criteria) {
      const mark = score.scores[criterion.id];
      if (mark === undefined) complain(`scores[${i}].scores.${criterion.id}`, 'a final score needs every criterion');
      else if (!(Number.isFinite(mark) && mark >= 0 && mark <= criterion.maxScore)) {
        complain(`scores[${i}].scores.${criterion.id}`, `must be between 0 and ${criterion.maxScore}`);
      }
    }
    for (const key of Object.keys(score.scores)) {
      if (!criterionIds.has(key)) complain(`scores[${i}].scores.${key}`, `${key} is not a criterion of this category`);
    }
  });

  if (errors.length > 0) throw new InvalidError('The scores cannot be turned into results', errors);
}
