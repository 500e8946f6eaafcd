import { ConflictError, InvalidError } from '../../../shared/domain/errors.js';
import { decideShortlist, type ShortlistChoice } from '../../../shared/domain/shortlists/shortlist.js';

const now = new Date('2026-04-02T09:00:00.000Z');
const choice = (overrides: Partial<ShortlistChoice> = {}): ShortlistChoice => ({
  category: { categoryId: 'C1', programmeId: 'P1' },
  current: undefined,
  proposal: ['A', 'B'],
  eligible: new Set(['A', 'B', 'C', 'D']),
  published: false,
  by: 'organiser-1',
  now,
  ...overrides,
});

const problemsOf = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof InvalidError) return error.errors;
    throw error;
  }
  throw new Error('expected an InvalidError');
};

describe('decideShortlist', () => {
  it('takes the proposal when no list is given, with no reason needed', () => {
    // Act
    const shortlist = decideShortlist(choice());

    // Assess
    expect(shortlist).toMatchObject({ entryIds: ['A', 'B'], proposed: ['A', 'B'], overridden: false, version: 1 });
    expect(shortlist.history).toEqual([
      { at: now.toISOString(), by: 'organiser-1', entryIds: ['A', 'B'], overridden: false },
    ]);
  });

  it('accepts the proposal in another order as no override', () => {
    expect(decideShortlist(choice({ chosen: ['B', 'A'] })).overridden).toBe(false);
  });

  it('refuses a list that differs from the proposal without a reason', () => {
    expect(problemsOf(() => decideShortlist(choice({ chosen: ['A', 'C'] })))).toEqual([
      { path: 'body.reason', message: 'a shortlist that differs from the proposal needs a reason' },
    ]);
    expect(problemsOf(() => decideShortlist(choice({ chosen: ['A', 'C'], reason: '   ' })))).toHaveLength(1);
  });

  it('records an override with its reason, and keeps earlier decisions in the history', () => {
    // Prepare
    const first = decideShortlist(choice());

    // Act
    const second = decideShortlist(choice({ current: first, chosen: ['A', 'C'], reason: 'B broke the entry rules' }));

    // Assess
    expect(second).toMatchObject({
      entryIds: ['A', 'C'],
      overridden: true,
      reason: 'B broke the entry rules',
      version: 2,
    });
    expect(second.history.map((d) => d.overridden)).toEqual([false, true]);
  });

  it('refuses entries that are not submitted entries of the category, and duplicates', () => {
    expect(problemsOf(() => decideShortlist(choice({ chosen: ['A', 'X', 'A'], reason: 'why not' })))).toEqual([
      { path: 'body.entryIds.1', message: 'is not a submitted entry of this category' },
      { path: 'body.entryIds.2', message: 'is listed twice' },
    ]);
  });

  it('refuses an empty shortlist, and says why when nothing has been scored', () => {
    expect(problemsOf(() => decideShortlist(choice({ proposal: [] })))[0]?.message).toMatch(
      /no entry has a final score/,
    );
    expect(problemsOf(() => decideShortlist(choice({ chosen: [], reason: 'none' })))[0]?.path).toBe('body.entryIds');
  });

  it('no longer changes once published', () => {
    expect(() => decideShortlist(choice({ published: true }))).toThrow(ConflictError);
  });
});
