import { ListObjectsV2Command } from '@aws-sdk/client-s3';
// A test reads the whole table to compare it before and after; no request path does (no-scan.test.ts).
// eslint-disable-next-line no-restricted-imports
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../../shared/config.js';
import { localS3 } from '../../../infra/local/local-s3.js';
import { dynamo } from '../../../shared/store/clients.js';

/** Everything stored, as `key → canonical JSON`: table items by `pk|sk`, objects by `s3:key`. */
export type StoredSnapshot = Map<string, string>;

/** JSON with object keys sorted, so two reads of the same item compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Set) return canonical([...value].sort());
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Reads every table item (idempotency records too) and every bucket object's ETag and size. */
export async function storedSnapshot(): Promise<StoredSnapshot> {
  const snapshot: StoredSnapshot = new Map();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({ TableName: config().TABLE_NAME, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    for (const item of page.Items ?? []) {
      snapshot.set(`${String(item.pk)}|${String(item.sk)}`, canonical(item));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  let token: string | undefined;
  do {
    const page = await localS3().send(
      new ListObjectsV2Command({ Bucket: config().BUCKET_NAME, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) snapshot.set(`s3:${object.Key}`, `${object.ETag}:${object.Size}`);
    token = page.NextContinuationToken;
  } while (token);
  return snapshot;
}

/** What changed between two snapshots: keys added, removed or rewritten. */
export function snapshotChanges(before: StoredSnapshot, after: StoredSnapshot): string[] {
  const changes: string[] = [];
  for (const [key, value] of after) {
    if (!before.has(key)) changes.push(`added ${key}`);
    else if (before.get(key) !== value) changes.push(`changed ${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(`removed ${key}`);
  return changes;
}
