import type { Category } from '../categories.js';
import type { Entry } from '../entries/entry.js';
import {
  ConflictError,
  DeadlinePassedError,
  InvalidError,
  PreconditionFailedError,
  PreconditionRequiredError,
  type FieldError,
} from '../errors.js';
import { judgingIsOpen, type ProgrammeDates } from '../programmes.js';
import type { JudgingRound, Score, ScoreInput } from './score.js';

/**
 * What is wrong with a judge's marks: a mark for something that is not a criterion, a mark outside
 * its criterion's 0..maxScore, and — for a final score — a criterion left unmarked. Paths name the
 * request field (`body.scores.<criterionId>`).
 */
export function markProblems(
  criteria: Pick<Category, 'criteria'>['criteria'],
  scores: Readonly<Record<string, number>>,
  final: boolean,
): FieldError[] {
  const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
  const problems: FieldError[] = [];
  for (const [id, mark] of Object.entries(scores)) {
    const criterion = byId.get(id);
    if (!criterion) problems.push({ path: `body.scores.${id}`, message: 'is not a criterion of this category' });
    else if (!(Number.isFinite(mark) && mark >= 0 && mark <= criterion.maxScore)) {
      problems.push({ path: `body.scores.${id}`, message: `must be between 0 and ${criterion.maxScore}` });
    }
  }
  if (final) {
    for (const criterion of criteria) {
      if (scores[criterion.id] === undefined) {
        problems.push({
          path: `body.scores.${criterion.id}`,
          message: 'a final score needs a mark for every criterion',
        });
      }
    }
  }
  return problems;
}

export interface ScoreWrite {
  /** The judge's sheet as stored now, if any. */
  current: Score | undefined;
  input: ScoreInput;
  /** The version from If-Match; undefined when the client sent none. */
  expectedVersion: number | undefined;
  entry: Pick<Entry, 'entryId' | 'categoryId' | 'programmeId' | 'status'>;
  category: Pick<Category, 'criteria'>;
  programme: ProgrammeDates;
  judgeId: string;
  round?: JudgingRound;
  now: Date;
}

/**
 * A judge saves a score sheet (the caller has checked the judge is assigned). In this order:
 * the entry must be submitted (round 1 ends when the shortlist is published); judging must still be
 * open; a final sheet is locked for good; the first save needs no If-Match, every later one must
 * name the version last read (428 without, 412 when stale); and the marks must fit the criteria.
 */
export function writeScore(write: ScoreWrite): Score {
  const { current, input, entry, now } = write;
  if (entry.status !== 'submitted') {
    throw new ConflictError(`Only a submitted entry can be scored; this entry is ${entry.status.replace('_', ' ')}.`);
  }
  if (!judgingIsOpen(write.programme, now)) {
    throw new DeadlinePassedError(`Judging closed at ${write.programme.judgingClosesAt}.`);
  }
  if (current?.final) throw new ConflictError('This score is final and can no longer change.');
  if (current && write.expectedVersion === undefined) {
    throw new PreconditionRequiredError('You have scored this entry before: send If-Match with the ETag last read.');
  }
  if (write.expectedVersion !== undefined && current?.version !== write.expectedVersion) {
    throw new PreconditionFailedError('The score changed since you read it.');
  }
  const problems = markProblems(write.category.criteria, input.scores, input.final);
  if (problems.length > 0) throw new InvalidError('Some marks break the category’s criteria.', problems);

  const at = now.toISOString();
  return {
    entryId: entry.entryId,
    judgeId: write.judgeId,
    categoryId: entry.categoryId,
    programmeId: entry.programmeId,
    round: write.round ?? 1,
    scores: { ...input.scores },
    comment: input.comment,
    final: input.final,
    version: (current?.version ?? 0) + 1,
    createdAt: current?.createdAt ?? at,
    updatedAt: at,
    ...(input.final ? { finalisedAt: at } : {}),
  };
}
