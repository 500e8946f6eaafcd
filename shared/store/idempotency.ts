import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { dynamo } from './clients.js';
import { keys } from './keys.js';
import { getItem, putItem, updateItem, ConditionalCheckFailedException } from './table.js';

/** How long a key is remembered, and how long an unfinished first attempt blocks a retry. */
const REMEMBER_SECONDS = 24 * 60 * 60;
const IN_PROGRESS_SECONDS = 30;

export interface StoredResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface IdempotencyRecord {
  pk: string;
  sk: string;
  fingerprint: string;
  state: 'in_progress' | 'done';
  response?: StoredResponse;
  /** Epoch seconds; checked in code (the embedded DynamoDB has no TTL), tidied by TTL in AWS. */
  expiresAt: number;
}

export type Claim =
  { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse } | { kind: 'mismatch' } | { kind: 'in_progress' };

const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

/**
 * Claims an idempotency key for a request fingerprint with one conditional write. A second
 * caller learns whether to replay the first answer, wait, or stop because the body differs.
 */
export async function claimKey(scope: string, key: string, fingerprint: string, now: Date): Promise<Claim> {
  const itemKey = keys.idempotency(scope, key);
  try {
    await updateItem({
      Key: itemKey,
      UpdateExpression: 'SET fingerprint = :f, #state = :s, expiresAt = :e REMOVE #response',
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
      ExpressionAttributeValues: {
        ':f': fingerprint,
        ':s': 'in_progress',
        ':e': seconds(now) + IN_PROGRESS_SECONDS,
        ':now': seconds(now),
      },
    });
    return { kind: 'claimed' };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
  const record = await getItem<IdempotencyRecord>(itemKey);
  if (!record) return claimKey(scope, key, fingerprint, now);
  if (record.fingerprint !== fingerprint) return { kind: 'mismatch' };
  if (record.state === 'done' && record.response) return { kind: 'replay', response: record.response };
  return { kind: 'in_progress' };
}

/** Stores the answer to replay for the rest of the window. */
export async function completeKey(
  scope: string,
  key: string,
  fingerprint: string,
  response: StoredResponse,
  now: Date,
): Promise<void> {
  const record: IdempotencyRecord = {
    ...keys.idempotency(scope, key),
    fingerprint,
    state: 'done',
    response,
    expiresAt: seconds(now) + REMEMBER_SECONDS,
  };
  await putItem({ ...record });
}

/** Frees a key whose first attempt failed, so a retry runs afresh. */
export async function releaseKey(scope: string, key: string): Promise<void> {
  await dynamo().send(new DeleteCommand({ TableName: config().TABLE_NAME, Key: keys.idempotency(scope, key) }));
}
