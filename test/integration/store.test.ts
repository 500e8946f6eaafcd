import { createDraft } from '../../shared/domain/entries/entry-rules.js';
import type { Category } from '../../shared/domain/categories.js';
import type { Programme } from '../../shared/domain/programmes.js';
import { claimKey, completeKey, releaseKey } from '../../shared/store/idempotency.js';
import { findEntry, insertEntry, listEntriesOfOrganisation, saveEntry } from '../../shared/store/entries.js';
import { startLocalWorld, type LocalWorld } from '../support/local-world.js';

let world: LocalWorld;
beforeAll(async () => {
  world = await startLocalWorld();
});
afterAll(() => world.stop());

const programme = {
  programmeId: 'P',
  name: 'HSJ',
  entriesOpenAt: '2020-01-01T00:00:00.000Z',
  entriesCloseAt: '2100-01-01T00:00:00.000Z',
} as Programme;
const category = { categoryId: 'C', programmeId: 'P' } as Category;
const draft = (orgCode = 'ORG1') => createDraft({ category, programme, orgCode, title: 'T', by: 'u', now: new Date() });

describe('entry writes', () => {
  it('lets exactly one of two writers with the same revision win', async () => {
    const entry = draft();
    await insertEntry(entry);
    const [a, b] = await Promise.all([
      saveEntry({ ...entry, title: 'A', revision: 2 }, 1),
      saveEntry({ ...entry, title: 'B', revision: 2 }, 1),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const stored = await findEntry(entry.entryId);
    expect(stored?.title).toBe(a ? 'A' : 'B');
    expect(stored?.revision).toBe(2);
  });

  it('pages an organisation’s entries with a cursor that no other organisation can use', async () => {
    for (let i = 0; i < 3; i++) await insertEntry(draft('PAGE1'));
    await insertEntry(draft('PAGE2'));
    const first = await listEntriesOfOrganisation('PAGE1', { limit: 2, scope: 'org#PAGE1' });
    expect(first.items).toHaveLength(2);
    const second = await listEntriesOfOrganisation('PAGE1', { limit: 2, cursor: first.nextCursor, scope: 'org#PAGE1' });
    expect(second.items.map((e) => e.orgCode)).toEqual(['PAGE1']);
    await expect(
      listEntriesOfOrganisation('PAGE2', { limit: 2, cursor: first.nextCursor, scope: 'org#PAGE1' }),
    ).rejects.toThrow('The cursor is not valid for this list.');
    await expect(
      listEntriesOfOrganisation('PAGE1', { limit: 2, cursor: 'bm90LWpzb24', scope: 'org#PAGE1' }),
    ).rejects.toThrow('The cursor is not valid for this list.');
  });
});

describe('idempotency records', () => {
  const now = new Date();

  it('claims a key once, replays the stored answer, and refuses another body', async () => {
    expect(await claimKey('u1#createEntry', 'k1', 'body-a', now)).toEqual({ kind: 'claimed' });
    expect(await claimKey('u1#createEntry', 'k1', 'body-a', now)).toEqual({ kind: 'in_progress' });
    await completeKey('u1#createEntry', 'k1', 'body-a', { status: 201, body: { id: 1 } }, now);
    expect(await claimKey('u1#createEntry', 'k1', 'body-a', now)).toEqual({
      kind: 'replay',
      response: { status: 201, body: { id: 1 } },
    });
    expect(await claimKey('u1#createEntry', 'k1', 'body-b', now)).toEqual({ kind: 'mismatch' });
  });

  it('scopes keys to the caller and frees a key whose first attempt failed', async () => {
    expect(await claimKey('u1#createEntry', 'shared', 'x', now)).toEqual({ kind: 'claimed' });
    expect(await claimKey('u2#createEntry', 'shared', 'y', now)).toEqual({ kind: 'claimed' });
    await releaseKey('u1#createEntry', 'shared');
    expect(await claimKey('u1#createEntry', 'shared', 'z', now)).toEqual({ kind: 'claimed' });
  });

  it('treats an expired record as absent (expiry is checked in code, not by TTL)', async () => {
    await completeKey('u1#createEntry', 'old', 'a', { status: 201 }, new Date(now.getTime() - 2 * 86_400_000));
    expect(await claimKey('u1#createEntry', 'old', 'b', now)).toEqual({ kind: 'claimed' });
  });
});
