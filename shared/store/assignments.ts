import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import type { Category } from '../domain/categories.js';
import type { Entry } from '../domain/entries/entry.js';
import { scoreStatusOf, type ScoreStatus } from '../domain/judging/scoring-state.js';
import { dynamo } from './clients.js';
import { keys, type Round } from './keys.js';
import { allInIndex, allUnderPrefix, listPartition, withoutKeys, type ListRequest } from './list-page.js';
import { getItem, getMany, putAll, putNew, queryAll } from './table.js';

/** A judge's duty to score one entry in one round. */
export interface Assignment {
  entryId: string;
  judgeId: string;
  categoryId: string;
  programmeId: string;
  round: Round;
  assignedAt: string;
  /** 'auto' or the organiser who assigned by hand. */
  by: string;
}

const toItem = (a: Assignment) => ({
  ...keys.assignment(a.entryId, a.judgeId, a.round),
  ...keys.assignmentsOfCategory(a.categoryId, a.round),
  gsi1sk: `${a.entryId}#${a.judgeId}`,
  ...keys.assignmentsOfJudge(a.judgeId, a.round),
  gsi2sk: `${a.categoryId}#${a.entryId}`,
  ...a,
});

export async function findAssignment(entryId: string, judgeId: string, round: Round = 1) {
  const item = await getItem<Record<string, unknown>>(keys.assignment(entryId, judgeId, round));
  return item ? withoutKeys<Assignment>(item) : undefined;
}

/** An entry and a judge's assignment to it, read together in one BatchGet; each undefined when absent. */
export async function findEntryAndAssignment(
  entryId: string,
  judgeId: string,
  round: Round = 1,
): Promise<{ entry?: Entry | undefined; assignment?: Assignment | undefined }> {
  const found = await getMany([keys.entry(entryId), keys.assignment(entryId, judgeId, round)]);
  const entry = found.get(keys.entry(entryId));
  const assignment = found.get(keys.assignment(entryId, judgeId, round));
  return {
    entry: entry ? withoutKeys<Entry>(entry) : undefined,
    assignment: assignment ? withoutKeys<Assignment>(assignment) : undefined,
  };
}

/** Adds one assignment; false if the judge already had it. */
export const insertAssignment = (a: Assignment) => putNew(toItem(a));

/** Adds many assignments (an automatic run); re-putting an existing pair changes nothing that matters. */
export async function insertAssignments(assignments: readonly Assignment[]): Promise<void> {
  await putAll(assignments.map(toItem));
}

export async function deleteAssignment(entryId: string, judgeId: string, round: Round = 1): Promise<void> {
  await dynamo().send(
    new DeleteCommand({ TableName: config().TABLE_NAME, Key: keys.assignment(entryId, judgeId, round) }),
  );
}

export async function assignmentsOfCategory(categoryId: string, round: Round = 1): Promise<Assignment[]> {
  return allInIndex<Assignment>('gsi1', keys.assignmentsOfCategory(categoryId, round).gsi1pk);
}

export async function assignmentsOfJudge(judgeId: string, round: Round = 1): Promise<Assignment[]> {
  return allInIndex<Assignment>('gsi2', keys.assignmentsOfJudge(judgeId, round).gsi2pk);
}

export async function assignmentsOfEntry(entryId: string, round: Round = 1): Promise<Assignment[]> {
  return allUnderPrefix<Assignment>(keys.assignmentsOfEntry(entryId, round));
}

export const pageOfJudgeAssignments = (judgeId: string, request: ListRequest, round: Round = 1) =>
  listPartition(
    'gsi2',
    { attribute: 'gsi2pk', value: keys.assignmentsOfJudge(judgeId, round).gsi2pk, sortAttribute: 'gsi2sk' },
    request,
    withoutKeys<Assignment>,
  );

/** One page of a category's assignments, ordered by entry then judge. */
export const pageOfCategoryAssignments = (categoryId: string, request: ListRequest, round: Round = 1) =>
  listPartition(
    'gsi1',
    { attribute: 'gsi1pk', value: keys.assignmentsOfCategory(categoryId, round).gsi1pk, sortAttribute: 'gsi1sk' },
    request,
    withoutKeys<Assignment>,
  );

/** Every (entry, judge) pair assigned in a category: one Query on gsi1, all pages, projected to the pair. */
export async function assignedPairsOfCategory(
  categoryId: string,
  round: Round = 1,
): Promise<Pick<Assignment, 'entryId' | 'judgeId'>[]> {
  return queryAll<Pick<Assignment, 'entryId' | 'judgeId'>>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.assignmentsOfCategory(categoryId, round).gsi1pk },
    ProjectionExpression: 'entryId, judgeId',
  });
}

/** What a judge's list shows of each of their assignments, from {@link judgeListDetails}. */
export interface JudgeListDetails {
  entry(entryId: string): Pick<Entry, 'entryId' | 'categoryId' | 'title' | 'orgCode'> | undefined;
  category(categoryId: string): Pick<Category, 'blind'> | undefined;
  scoreStatus(assignment: Pick<Assignment, 'entryId' | 'judgeId' | 'round'>): ScoreStatus;
}

/**
 * Everything a judge's list needs beside their assignments, in one BatchGet (more only past 100
 * keys): each entry, the judge's score sheet for it and each category (for blindness), projected to
 * the few attributes the list shows, so answers, evidence and marks are not carried back.
 */
export async function judgeListDetails(
  assignments: readonly Pick<Assignment, 'entryId' | 'judgeId' | 'categoryId' | 'round'>[],
): Promise<JudgeListDetails> {
  const found = await getMany(
    assignments.flatMap((a) => [
      keys.entry(a.entryId),
      keys.score(a.entryId, a.judgeId, a.round),
      keys.category(a.categoryId),
    ]),
    ['entryId', 'categoryId', 'title', 'orgCode', 'final', 'blind'],
  );
  return {
    entry: (entryId) => found.get(keys.entry(entryId)) as ReturnType<JudgeListDetails['entry']>,
    category: (categoryId) => found.get(keys.category(categoryId)) as ReturnType<JudgeListDetails['category']>,
    scoreStatus: (a) => scoreStatusOf(found.get(keys.score(a.entryId, a.judgeId, a.round))),
  };
}
