import fc from 'fast-check';
import { assertCanReadEntry } from '../../../shared/domain/entries/entry-access.js';
import type { Entry } from '../../../shared/domain/entries/entry.js';
import { ConflictError, NotFoundError } from '../../../shared/domain/errors.js';
import {
  assignmentsBrokenBy,
  checkManualAssignment,
  checkUnassignment,
  judgeAssignmentView,
  scoreStatusOf,
  type DeclaredConflict,
} from '../../../shared/domain/judging/index.js';

const panelJudge = {
  userId: 'judge-a',
  categoryIds: ['C1'],
  conflicts: [{ orgCode: '00Q', kind: 'employee' as const }],
  orgCode: '02M',
};
const submitted = { status: 'submitted' as const, categoryId: 'C1', orgCode: '01F' };

describe('which assignments a new conflict list takes away', () => {
  it('takes exactly those of conflicted organisations, saying why', () => {
    const assignments = [
      { entryId: 'e1', orgCode: '01F' },
      { entryId: 'e2', orgCode: '02M' },
      { entryId: 'e3', orgCode: '00Q' },
    ];
    const broken = assignmentsBrokenBy(assignments, {
      conflicts: [{ orgCode: '01F', kind: 'adviser' }],
      orgCode: '02M',
    });
    expect(broken).toEqual([
      { entryId: 'e1', orgCode: '01F', reason: 'conflict declared' },
      { entryId: 'e2', orgCode: '02M', reason: 'own organisation' },
    ]);
  });

  it('keeps every assignment whose organisation is not conflicted, and takes every one that is', () => {
    const ORGS = ['01F', '02M', '00Q', '01A', '99X'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ORGS), { maxLength: 12 }),
        fc.subarray(ORGS),
        fc.option(fc.constantFrom(...ORGS), { nil: undefined }),
        (orgs, declared, own) => {
          const assignments = orgs.map((orgCode, i) => ({ entryId: `e${i}`, orgCode }));
          const conflicts: DeclaredConflict[] = declared.map((orgCode) => ({ orgCode, kind: 'other' }));
          const broken = new Set(
            assignmentsBrokenBy(assignments, { conflicts, ...(own ? { orgCode: own } : {}) }).map((a) => a.entryId),
          );
          for (const a of assignments) {
            expect(broken.has(a.entryId)).toBe(declared.includes(a.orgCode) || a.orgCode === own);
          }
        },
      ),
    );
  });
});

describe('assigning by hand', () => {
  it('accepts a panel judge without a conflict for a submitted entry', () => {
    expect(() => checkManualAssignment(submitted, panelJudge)).not.toThrow();
  });

  it.each([
    ['a draft entry', { ...submitted, status: 'draft' as const }, panelJudge, /submitted/],
    ['a withdrawn entry', { ...submitted, status: 'withdrawn' as const }, panelJudge, /submitted/],
    ['a judge off the panel', { ...submitted, categoryId: 'C2' }, panelJudge, /panel/],
    ['a declared conflict', { ...submitted, orgCode: '00Q' }, panelJudge, /conflict/],
    ['the judge’s own organisation', { ...submitted, orgCode: '02M' }, panelJudge, /conflict/],
  ])('refuses %s with a conflict (409)', (_label, entry, judge, message) => {
    expect(() => checkManualAssignment(entry, judge)).toThrow(ConflictError);
    expect(() => checkManualAssignment(entry, judge)).toThrow(message);
  });
});

describe('taking an entry off a judge', () => {
  it('needs force once the judge has a final score', () => {
    expect(() => checkUnassignment('final', false)).toThrow(ConflictError);
    expect(() => checkUnassignment('final', true)).not.toThrow();
  });

  it('needs no force for a draft or a missing score', () => {
    expect(() => checkUnassignment('draft', false)).not.toThrow();
    expect(() => checkUnassignment('missing', false)).not.toThrow();
  });
});

describe('score status', () => {
  it('is missing without a score item, final only when final is exactly true, draft otherwise', () => {
    expect(scoreStatusOf(undefined)).toBe('missing');
    expect(scoreStatusOf({ final: true })).toBe('final');
    expect(scoreStatusOf({ final: false })).toBe('draft');
    expect(scoreStatusOf({ final: 'true' })).toBe('draft');
    expect(scoreStatusOf({})).toBe('draft');
  });
});

describe("a judge's list of assignments", () => {
  const entry = { entryId: 'e1', categoryId: 'C1', title: 'Halton joins up care' };
  it('shows the title in an open category', () => {
    expect(judgeAssignmentView(entry, { blind: false }, 'draft')).toEqual({ ...entry, scoreStatus: 'draft' });
  });

  it('hides the title in a blind category', () => {
    expect(judgeAssignmentView(entry, { blind: true }, 'missing')).toEqual({
      entryId: 'e1',
      categoryId: 'C1',
      scoreStatus: 'missing',
    });
  });
});

describe('a judge reading an entry', () => {
  const entry = { orgCode: '01F' } as Entry;
  it('is refused (404) for their own organisation’s entry even when assigned', () => {
    const judge = { kind: 'user' as const, userId: 'j', role: 'judge' as const, orgCode: '01F' };
    expect(() => assertCanReadEntry(judge, entry, true)).toThrow(NotFoundError);
  });

  it('is allowed for an assigned entry of another organisation, refused when not assigned', () => {
    const judge = { kind: 'user' as const, userId: 'j', role: 'judge' as const, orgCode: '02M' };
    expect(() => assertCanReadEntry(judge, entry, true)).not.toThrow();
    expect(() => assertCanReadEntry(judge, entry, false)).toThrow(NotFoundError);
  });
});
