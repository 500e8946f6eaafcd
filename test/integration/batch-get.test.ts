import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { UnavailableError } from '../../shared/domain/errors.js';
import { dynamo } from '../../shared/store/clients.js';
import type { ItemKey } from '../../shared/store/keys.js';
import { getMany, putAll } from '../../shared/store/table.js';
import { startLocalWorld, type LocalWorld } from '../support/local-world.js';

/**
 * `getMany`, the one batch read of the store (entries, score statuses, a save's context, a judge's
 * list): whatever the keys, every item comes back once, with DynamoDB's limits and leftovers handled.
 */
let world: LocalWorld;
beforeAll(async () => {
  world = await startLocalWorld();
});
afterAll(() => world.stop());

type Send = (command: unknown) => Promise<unknown>;
/** Puts `through` in front of the process's DocumentClient for the length of `act`. */
async function withSend<T>(through: (real: Send, command: unknown) => Promise<unknown>, act: () => Promise<T>) {
  const client = dynamo() as unknown as { send: Send };
  const real = client.send.bind(client);
  client.send = (command) => through(real, command);
  try {
    return await act();
  } finally {
    client.send = real;
  }
}

const keyOf = (kind: string, i: number): ItemKey => ({ pk: `BATCHTEST#${kind}#${i}`, sk: kind });
const batchKeys = (command: unknown) =>
  Object.values((command as BatchGetCommand).input.RequestItems ?? {}).flatMap((r) => r.Keys ?? []);

beforeAll(async () => {
  const items = [];
  for (let i = 0; i < 150; i++) items.push({ ...keyOf('A', i), kind: 'A', n: i, note: `a${i}` });
  for (let i = 0; i < 80; i++) items.push({ ...keyOf('B', i), kind: 'B', n: i, note: `b${i}` });
  await putAll(items);
});

describe('reading many items by key', () => {
  it('reads keys of several kinds past 100 in batches of at most 100, each key asked once, absent ones absent', async () => {
    // Prepare: 230 stored keys, 20 of them asked twice, and 10 that name nothing
    const wanted = [
      ...Array.from({ length: 150 }, (_, i) => keyOf('A', i)),
      ...Array.from({ length: 80 }, (_, i) => keyOf('B', i)),
      ...Array.from({ length: 20 }, (_, i) => keyOf('A', i)),
      ...Array.from({ length: 10 }, (_, i) => keyOf('C', i)),
    ];
    const batches: number[] = [];
    // Act
    const found = await withSend(
      (real, command) => {
        if (command instanceof BatchGetCommand) batches.push(batchKeys(command).length);
        return real(command);
      },
      () => getMany<{ kind: string; n: number }>(wanted),
    );
    // Assess
    expect(batches.sort((a, b) => b - a)).toEqual([100, 100, 40]);
    expect(found.get(keyOf('A', 149))).toMatchObject({ kind: 'A', n: 149 });
    expect(found.get(keyOf('B', 0))).toMatchObject({ kind: 'B', n: 0 });
    expect(found.get(keyOf('C', 0))).toBeUndefined();
  });

  it('carries back only the attributes asked for, with the keys', async () => {
    // Act
    const found = await getMany([keyOf('A', 1), keyOf('B', 2)], ['kind']);
    // Assess
    expect(found.get(keyOf('A', 1))).toEqual({ ...keyOf('A', 1), kind: 'A' });
    expect(found.get(keyOf('B', 2))).toEqual({ ...keyOf('B', 2), kind: 'B' });
  });

  it('asks again for the keys DynamoDB leaves unprocessed', async () => {
    // Prepare: the first request is answered for half its keys; the rest come back unprocessed
    let requests = 0;
    const wanted = Array.from({ length: 10 }, (_, i) => keyOf('A', i));
    // Act
    const found = await withSend(
      async (real, command) => {
        if (!(command instanceof BatchGetCommand) || requests++ > 0) return real(command);
        const [table, request] = Object.entries(command.input.RequestItems ?? {})[0]!;
        const keys = request.Keys ?? [];
        const out = (await real(
          new BatchGetCommand({ RequestItems: { [table]: { ...request, Keys: keys.slice(0, 5) } } }),
        )) as Record<string, unknown>;
        return { ...out, UnprocessedKeys: { [table]: { ...request, Keys: keys.slice(5) } } };
      },
      () => getMany<{ n: number }>(wanted),
    );
    // Assess
    expect(requests).toBe(2);
    expect(wanted.map((key) => found.get(key)?.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('gives up with 503 (unavailable) when DynamoDB keeps leaving keys unprocessed', async () => {
    // Prepare: every request is answered with nothing and all its keys unprocessed
    let requests = 0;
    // Act
    const reading = withSend(
      async (_real, command) => {
        requests++;
        const [table, request] = Object.entries((command as BatchGetCommand).input.RequestItems ?? {})[0]!;
        return { Responses: { [table]: [] }, UnprocessedKeys: { [table]: request } };
      },
      () => getMany([keyOf('A', 1)]),
    );
    // Assess
    await expect(reading).rejects.toBeInstanceOf(UnavailableError);
    expect(requests).toBe(6);
  });
});
