import { TABLE_DESIGN, type IndexName } from './table-design.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { queryAll, queryPage } from './table.js';

/** The attributes of a start key for a Query on the table or an index: the table's keys, and the index's. */
function keyAttributesOf(index: IndexName | 'table'): string[] {
  const table = [TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey];
  const gsi = TABLE_DESIGN.indexes.find((i) => i.name === index);
  return gsi ? [...table, gsi.partitionKey, gsi.sortKey] : table;
}

export interface ListRequest {
  limit: number;
  cursor?: string | undefined;
  /** Everything that makes this query this query (caller, filters): binds the cursor to it. */
  scope: string;
}

export interface ListPage<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * One page of an index partition (optionally a sort-key prefix of it), newest-id order as stored,
 * with an opaque cursor for the next page.
 */
export async function listPartition<T>(
  index: IndexName | 'table',
  partition: { attribute: string; value: string; sortAttribute: string; sortPrefix?: string },
  request: ListRequest,
  fromItem: (item: Record<string, unknown>) => T,
): Promise<ListPage<T>> {
  const start = request.cursor
    ? decodeCursor(request.cursor, request.scope, partition, keyAttributesOf(index))
    : undefined;
  const prefix = partition.sortPrefix;
  const page = await queryPage<Record<string, unknown>>({
    ...(index === 'table' ? {} : { IndexName: index }),
    KeyConditionExpression: prefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
    ExpressionAttributeNames: { '#pk': partition.attribute, ...(prefix ? { '#sk': partition.sortAttribute } : {}) },
    ExpressionAttributeValues: { ':pk': partition.value, ...(prefix ? { ':prefix': prefix } : {}) },
    Limit: request.limit,
    ...(start ? { ExclusiveStartKey: start } : {}),
  });
  return {
    items: page.items.map(fromItem),
    ...(page.lastKey ? { nextCursor: encodeCursor(page.lastKey, request.scope) } : {}),
  };
}

const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk']);

/** Drops the table's key attributes from an item, leaving the domain record. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name))) as T;
}

/** Every record of an index partition, all pages: for bounded sets (a category's scores, a programme's categories). */
export async function allInIndex<T>(index: IndexName, partition: string): Promise<T[]> {
  const items = await queryAll<Record<string, unknown>>({
    IndexName: index,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': `${index}pk` },
    ExpressionAttributeValues: { ':pk': partition },
  });
  return items.map(withoutKeys<T>);
}

/** Every record under a sort-key prefix of one table partition, all pages. */
export async function allUnderPrefix<T>(key: { pk: string; skPrefix: string }): Promise<T[]> {
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': key.pk, ':prefix': key.skPrefix },
  });
  return items.map(withoutKeys<T>);
}
