import { BatchWriteCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { dynamo } from './clients.js';
import { keys, type Round } from './keys.js';
import { listPartition, withoutKeys, type ListRequest } from './list-page.js';
import { getItem, putNew, queryAll } from './table.js';

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

/** Adds one assignment; false if the judge already had it. */
export const insertAssignment = (a: Assignment) => putNew(toItem(a));

/** Adds many assignments (an automatic run); re-putting an existing pair changes nothing that matters. */
export async function insertAssignments(assignments: readonly Assignment[]): Promise<void> {
  for (let i = 0; i < assignments.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [config().TABLE_NAME]: assignments.slice(i, i + 25).map((a) => ({ PutRequest: { Item: toItem(a) } })),
    };
    while (request && Object.keys(request).length > 0) {
      const out = await dynamo().send(new BatchWriteCommand({ RequestItems: request }));
      request = out.UnprocessedItems as typeof request;
    }
  }
}

export async function deleteAssignment(entryId: string, judgeId: string, round: Round = 1): Promise<void> {
  await dynamo().send(
    new DeleteCommand({ TableName: config().TABLE_NAME, Key: keys.assignment(entryId, judgeId, round) }),
  );
}

export async function assignmentsOfCategory(categoryId: string, round: Round = 1): Promise<Assignment[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.assignmentsOfCategory(categoryId, round).gsi1pk },
  });
  return items.map(withoutKeys<Assignment>);
}

export async function assignmentsOfJudge(judgeId: string, round: Round = 1): Promise<Assignment[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.assignmentsOfJudge(judgeId, round).gsi2pk },
  });
  return items.map(withoutKeys<Assignment>);
}

export async function assignmentsOfEntry(entryId: string, round: Round = 1): Promise<Assignment[]> {
  const { pk, skPrefix } = keys.assignmentsOfEntry(entryId, round);
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
  });
  return items.map(withoutKeys<Assignment>);
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
