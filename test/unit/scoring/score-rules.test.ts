import fc from 'fast-check';
import {
  ConflictError,
  DeadlinePassedError,
  InvalidError,
  PreconditionFailedError,
  PreconditionRequiredError,
} from '../../../shared/domain/errors.js';
import { markProblems, writeScore, type ScoreWrite } from '../../../shared/domain/scoring/score-rules.js';
import type { Score } from '../../../shared/domain/scoring/score.js';

const criteria = [
  { id: 'impact', name: 'Impact', weight: 2, maxScore: 10 },
  { id: 'reach', name: 'Reach', weight: 1, maxScore: 5 },
];
const now = new Date('2026-03-01T12:00:00.000Z');
const programme = {
  entriesOpenAt: '2026-01-01T00:00:00.000Z',
  entriesCloseAt: '2026-02-01T00:00:00.000Z',
  judgingClosesAt: '2026-04-01T00:00:00.000Z',
};
const entry = { entryId: 'E1', categoryId: 'C1', programmeId: 'P1', status: 'submitted' as const };

const write = (overrides: Partial<ScoreWrite> = {}): ScoreWrite => ({
  current: undefined,
  input: { scores: { impact: 7, reach: 3 }, comment: 'Strong', final: false },
  expectedVersion: undefined,
  entry,
  category: { criteria },
  programme,
  judgeId: 'J1',
  now,
  ...overrides,
});

const stored = (overrides: Partial<Score> = {}): Score => ({ ...writeScore(write()), ...overrides });

describe('writeScore', () => {
  it('creates a first draft without If-Match, at version 1 in round 1', () => {
    // Act
    const score = writeScore(write());

    // Assess
    expect(score).toMatchObject({ entryId: 'E1', judgeId: 'J1', categoryId: 'C1', round: 1, version: 1, final: false });
    expect(score.finalisedAt).toBeUndefined();
  });

  it('saves a later draft only with the If-Match of the sheet last read', () => {
    // Prepare
    const current = stored();

    // Act / Assess
    expect(() => writeScore(write({ current }))).toThrow(PreconditionRequiredError);
    expect(() => writeScore(write({ current, expectedVersion: 7 }))).toThrow(PreconditionFailedError);
    const next = writeScore(
      write({ current, expectedVersion: 1, input: { scores: { impact: 9 }, comment: '', final: false } }),
    );
    expect(next).toMatchObject({ version: 2, scores: { impact: 9 }, createdAt: current.createdAt });
  });

  it('refuses an If-Match on a first save: there is no version to match', () => {
    expect(() => writeScore(write({ expectedVersion: 1 }))).toThrow(PreconditionFailedError);
  });

  it('locks a final score: any later write is a conflict, whatever the If-Match', () => {
    // Prepare
    const current = stored({ final: true });

    // Act / Assess
    expect(() => writeScore(write({ current, expectedVersion: 1 }))).toThrow(ConflictError);
    expect(() => writeScore(write({ current }))).toThrow(ConflictError);
  });

  it('refuses a score once judging has closed', () => {
    const late = new Date(programme.judgingClosesAt);
    expect(() => writeScore(write({ now: late }))).toThrow(DeadlinePassedError);
  });

  it.each(['draft', 'withdrawn', 'shortlisted', 'not_shortlisted'] as const)(
    'refuses to score an entry that is %s',
    (status) => {
      expect(() => writeScore(write({ entry: { ...entry, status } }))).toThrow(ConflictError);
    },
  );

  it('needs every criterion in a final score, naming the missing ones', () => {
    // Act
    const attempt = () => writeScore(write({ input: { scores: { impact: 7 }, comment: '', final: true } }));

    // Assess
    expect(attempt).toThrow(InvalidError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidError).errors).toEqual([
        { path: 'body.scores.reach', message: 'a final score needs a mark for every criterion' },
      ]);
    }
  });

  it('stamps a final score with the time it was made final', () => {
    const score = writeScore(write({ input: { scores: { impact: 7, reach: 5 }, comment: '', final: true } }));
    expect(score.finalisedAt).toBe(now.toISOString());
  });
});

describe('markProblems', () => {
  it('names each mark outside its criterion’s range and each unknown criterion', () => {
    // Act
    const problems = markProblems(criteria, { impact: 11, reach: -1, kindness: 3 }, false);

    // Assess
    expect(problems).toEqual([
      { path: 'body.scores.impact', message: 'must be between 0 and 10' },
      { path: 'body.scores.reach', message: 'must be between 0 and 5' },
      { path: 'body.scores.kindness', message: 'is not a criterion of this category' },
    ]);
  });

  it('accepts any mark from 0 to the maximum, and refuses any outside it (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (mark) => {
        const inRange = mark >= 0 && mark <= 10;
        expect(markProblems(criteria, { impact: mark }, false).length === 0).toBe(inRange);
      }),
    );
  });

  it('lets a draft leave criteria unmarked', () => {
    expect(markProblems(criteria, {}, false)).toEqual([]);
  });
});
