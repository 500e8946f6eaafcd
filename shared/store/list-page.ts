import type { IndexName } from './table-design.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { queryPage } from './table.js';

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
  const start = request.cursor ? decodeCursor(request.cursor, request.scope, partition) : undefined;
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
