import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { leaseExpiry } from '../domain/judging/assignment-lease.js';
import { dynamo } from './clients.js';
import { keys, type Round } from './keys.js';
import { ConditionalCheckFailedException } from './table.js';

/**
 * Takes a category's assignment lease for `owner` with one conditional write: it succeeds when no
 * lease is stored or the stored one has lapsed (`expiresAt`, epoch ms, is compared here, not by TTL,
 * which the embedded DynamoDB lacks). Answers the expiry of the lease taken, or undefined when another
 * run holds it.
 */
export async function takeAssignmentLease(
  categoryId: string,
  owner: string,
  now: Date,
  round: Round = 1,
): Promise<number | undefined> {
  const expiresAt = leaseExpiry(now);
  try {
    await dynamo().send(
      new PutCommand({
        TableName: config().TABLE_NAME,
        Item: {
          ...keys.assignmentLease(categoryId, round),
          categoryId,
          round,
          owner,
          takenAt: now.toISOString(),
          expiresAt,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': now.getTime() },
      }),
    );
    return expiresAt;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/**
 * Lets go of a lease, only if `owner` still holds it: a lease that lapsed and was taken by another
 * run stays theirs.
 */
export async function releaseAssignmentLease(categoryId: string, owner: string, round: Round = 1): Promise<void> {
  try {
    await dynamo().send(
      new DeleteCommand({
        TableName: config().TABLE_NAME,
        Key: keys.assignmentLease(categoryId, round),
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
