import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { config } from '../config.js';
import { UnavailableError } from '../domain/errors.js';
import { dynamo } from './clients.js';
import type { ItemKey } from './keys.js';

/** Reads one item by key; undefined when absent. Strongly consistent: the caller often writes next. */
export async function getItem<T>(key: ItemKey): Promise<T | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: config().TABLE_NAME, Key: key, ConsistentRead: true }));
  return out.Item as T | undefined;
}

/** What {@link getMany} found, looked up by the keys asked for. */
export interface ItemsByKey<T> {
  /** The item with this key; undefined when absent. */
  get(key: ItemKey): T | undefined;
}

/** At most this many keys to a BatchGetItem (DynamoDB's limit). */
const BATCH_GET_KEYS = 100;
/** Tries per batch while DynamoDB leaves keys unprocessed (throttling); then 503. */
const BATCH_GET_TRIES = 6;

const keyId = (key: { pk?: unknown; sk?: unknown }) => `${String(key.pk)}\n${String(key.sk)}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads many items by key, of any kinds, in as few round trips as DynamoDB allows: BatchGetItem, 100
 * keys to a request (the requests side by side), duplicates asked once, retrying with back-off
 * whatever DynamoDB leaves unprocessed. Strongly consistent, like {@link getItem}. With `attributes`
 * only those (and `pk`, `sk`) are carried back — one list for every kind of item asked for.
 */
export async function getMany<T = Record<string, unknown>>(
  itemKeys: readonly ItemKey[],
  attributes?: readonly string[],
): Promise<ItemsByKey<T>> {
  const table = config().TABLE_NAME;
  const unique = [...new Map(itemKeys.map((k) => [keyId(k), { pk: k.pk, sk: k.sk }])).values()];
  const names = attributes ? ['pk', 'sk', ...attributes.filter((a) => a !== 'pk' && a !== 'sk')] : [];
  const projection = attributes
    ? {
        ProjectionExpression: names.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
      }
    : {};
  const found = new Map<string, T>();
  const batches: ItemKey[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_GET_KEYS) batches.push(unique.slice(i, i + BATCH_GET_KEYS));
  await Promise.all(
    batches.map(async (batch) => {
      let pending: ItemKey[] = batch;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt === BATCH_GET_TRIES) throw new UnavailableError('The data store is busy; try again.');
        if (attempt > 0) await pause(Math.random() * 20 * 2 ** attempt);
        const out = await dynamo().send(
          new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true, ...projection } } }),
        );
        for (const item of out.Responses?.[table] ?? []) found.set(keyId(item), item as T);
        pending = (out.UnprocessedKeys?.[table]?.Keys ?? []) as ItemKey[];
      }
    }),
  );
  return { get: (key) => found.get(keyId(key)) };
}

/**
 * Puts an item only if no item with its key exists. Returns false when one does, so callers can
 * tell "already there" (a retry, a duplicate) from a failure.
 */
export async function putNew(item: ItemKey & Record<string, unknown>): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({ TableName: config().TABLE_NAME, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * Replaces an item only if its stored version (or revision) is still `expected`. Returns false
 * when someone else wrote first.
 */
export async function putIfVersion(
  item: ItemKey & Record<string, unknown>,
  expected: number,
  attribute: 'version' | 'revision' = 'version',
): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: config().TABLE_NAME,
        Item: item,
        ConditionExpression: '#v = :expected',
        ExpressionAttributeNames: { '#v': attribute },
        ExpressionAttributeValues: { ':expected': expected },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Puts an item unconditionally (seed data, idempotent records whose key makes them unique). */
export async function putItem(item: ItemKey & Record<string, unknown>): Promise<void> {
  await dynamo().send(new PutCommand({ TableName: config().TABLE_NAME, Item: item }));
}

/** An UpdateItem on the table; callers give the key, expressions and condition. */
export async function updateItem(input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName'>) {
  return dynamo().send(new UpdateCommand({ TableName: config().TABLE_NAME, ...input }));
}

export interface Page<T> {
  items: T[];
  /** The last key read, when more items may follow. */
  lastKey?: Record<string, unknown>;
}

/** One page of a Query on the table or an index. */
export async function queryPage<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<Page<T>> {
  const out = await dynamo().send(new QueryCommand({ TableName: config().TABLE_NAME, ...input }));
  return { items: (out.Items ?? []) as T[], ...(out.LastEvaluatedKey ? { lastKey: out.LastEvaluatedKey } : {}) };
}

/** Every item of a Query, page after page: for bounded sets (a category's scores, a programme's judges). */
export async function queryAll<T>(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<T[]> {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await queryPage<T>({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) });
    items.push(...page.items);
    start = page.lastKey;
  } while (start);
  return items;
}

/** Puts many items, 25 to a BatchWrite, retrying whatever DynamoDB leaves unprocessed. */
export async function putAll(items: readonly (ItemKey & Record<string, unknown>)[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [config().TABLE_NAME]: items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: item } })),
    };
    while (request && Object.keys(request).length > 0) {
      const out = await dynamo().send(new BatchWriteCommand({ RequestItems: request }));
      request = out.UnprocessedItems as typeof request;
    }
  }
}

export { ConditionalCheckFailedException };
