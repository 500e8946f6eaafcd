import fc from 'fast-check';
import type { Category } from '../../../shared/domain/categories.js';
import { assertOwnsEntry } from '../../../shared/domain/entries/entry-access.js';
import { createDraft, editDraft, submitEntry, withdrawEntry } from '../../../shared/domain/entries/entry-rules.js';
import type { Entry } from '../../../shared/domain/entries/entry.js';
import { ALLOWED_TRANSITIONS, moveEntry } from '../../../shared/domain/entries/transitions.js';
import { DomainError } from '../../../shared/domain/errors.js';
import type { SignedIn } from '../../../shared/domain/principal.js';
import type { Programme } from '../../../shared/domain/programmes.js';

const programme: Programme = {
  programmeId: 'P',
  name: 'HSJ Awards',
  year: 2026,
  entriesOpenAt: '2026-01-01T00:00:00.000Z',
  entriesCloseAt: '2026-03-01T00:00:00.000Z',
  judgingClosesAt: '2026-05-01T00:00:00.000Z',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const category = {
  categoryId: 'C',
  programmeId: 'P',
  questions: [{ id: 'summary', prompt: 'Summary', wordLimit: 5, required: true }],
  criteria: [],
} as unknown as Category;

const people: SignedIn[] = [
  { kind: 'user', userId: 'owner', role: 'entrant', orgCode: 'OWN' },
  { kind: 'user', userId: 'other', role: 'entrant', orgCode: 'OTH' },
  { kind: 'user', userId: 'judge', role: 'judge' },
  { kind: 'user', userId: 'organiser', role: 'organiser' },
];

const action = fc.record({
  kind: fc.constantFrom('edit', 'submit', 'withdraw', 'shortlist', 'evidence'),
  who: fc.integer({ min: 0, max: people.length - 1 }),
  day: fc.integer({ min: 1, max: 150 }),
  words: fc.integer({ min: 0, max: 8 }),
});

type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

function apply(entry: Entry, a: Action): Entry {
  const who = people[a.who]!;
  const now = new Date(Date.parse('2026-01-01T00:00:00.000Z') + a.day * 86_400_000);
  switch (a.kind) {
    case 'edit':
      assertOwnsEntry(who, entry);
      return editDraft(entry, category, { answers: { summary: 'w '.repeat(a.words).trim() } }, who.userId, now);
    case 'submit':
      assertOwnsEntry(who, entry);
      return submitEntry(entry, category, programme, who.userId, now);
    case 'withdraw':
      assertOwnsEntry(who, entry);
      return withdrawEntry(entry, programme, who.userId, now);
    case 'shortlist':
      return moveEntry(entry, a.words % 2 ? 'shortlisted' : 'not_shortlisted', who.userId, now);
    case 'evidence':
      return {
        ...entry,
        evidence: {
          e1: {
            evidenceId: 'e1',
            fileName: 'a.pdf',
            contentType: 'application/pdf',
            size: 1,
            key: 'k',
            status: 'available',
            createdAt: now.toISOString(),
            uploadExpiresAt: now.toISOString(),
            updatedAt: now.toISOString(),
          },
        },
      };
  }
  throw new Error('unknown action');
}

describe('entry status', () => {
  it('only ever moves along allowed transitions, and the history records each move', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let entry = createDraft({
          category,
          programme,
          orgCode: 'OWN',
          title: 'T',
          by: 'owner',
          now: new Date('2026-01-02T00:00:00.000Z'),
        });
        const observed: [string, string][] = [];
        for (const a of actions) {
          const before = entry;
          try {
            entry = apply(entry, a);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            continue;
          }
          if (entry.status !== before.status) {
            expect(ALLOWED_TRANSITIONS[before.status]).toContain(entry.status);
            observed.push([before.status, entry.status]);
          }
        }
        const recorded = entry.history.filter((h) => h.action === 'status').map((h) => [h.from, h.to]);
        expect(recorded).toEqual(observed);
      }),
      { numRuns: 500 },
    );
  });

  it('never lets anyone but the owning organisation change an entry', () => {
    const entry = createDraft({
      category,
      programme,
      orgCode: 'OWN',
      title: 'T',
      by: 'owner',
      now: new Date('2026-01-02'),
    });
    for (const who of people.slice(1)) expect(() => assertOwnsEntry(who, entry)).toThrow('No such entry.');
  });
});
