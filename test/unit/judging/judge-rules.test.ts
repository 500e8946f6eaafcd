import fc from 'fast-check';
import { planAssignment } from '../../../shared/domain/assignment/index.js';
import { InvalidError } from '../../../shared/domain/errors.js';
import {
  effectiveConflicts,
  panelOf,
  registerJudge,
  replaceConflicts,
  withOwnOrganisation,
  type Judge,
} from '../../../shared/domain/judging/index.js';

const now = new Date('2026-11-23T10:00:00.000Z');
const later = new Date('2026-11-24T10:00:00.000Z');

function judge(overrides: Partial<Judge> = {}): Judge {
  return {
    ...registerJudge(
      'P1',
      { userId: 'judge-a', name: 'Ann', email: 'ann@example.org', categoryIds: ['C1'], conflicts: [] },
      new Set(['C1', 'C2']),
      'organiser-1',
      now,
    ),
    ...overrides,
  };
}

describe('registering a judge', () => {
  it('refuses a category of another programme, naming each one', () => {
    // Prepare
    const input = { userId: 'j', name: 'J', email: 'j@example.org', categoryIds: ['C1', 'X9', 'X8'], conflicts: [] };
    // Act
    const act = () => registerJudge('P1', input, new Set(['C1']), 'org', now);
    // Assess
    expect(act).toThrow(InvalidError);
    try {
      act();
    } catch (error) {
      expect((error as InvalidError).errors.map((e) => e.path)).toEqual(['body.categoryIds.1', 'body.categoryIds.2']);
    }
  });

  it('keeps the declared conflicts and the own organisation, at version 1 with a history line', () => {
    const registered = registerJudge(
      'P1',
      {
        userId: 'j',
        name: 'J',
        email: 'j@example.org',
        categoryIds: ['C1'],
        conflicts: [{ orgCode: '01F', kind: 'adviser', note: 'advised in 2015' }],
        orgCode: '02M',
      },
      new Set(['C1']),
      'organiser-1',
      now,
    );
    expect(registered).toMatchObject({
      version: 1,
      orgCode: '02M',
      conflicts: [{ orgCode: '01F', kind: 'adviser', note: 'advised in 2015' }],
      history: [{ at: now.toISOString(), by: 'organiser-1', action: 'registered' }],
    });
  });
});

describe('declaring conflicts', () => {
  it('replaces the whole list, records the token organisation and bumps the version', () => {
    const before = judge({ conflicts: [{ orgCode: '00Q', kind: 'employee' }] });
    const after = replaceConflicts(before, [{ orgCode: '01F', kind: 'other' }], '02M', 'judge-a', later);
    expect(after.conflicts).toEqual([{ orgCode: '01F', kind: 'other' }]);
    expect(after.orgCode).toBe('02M');
    expect(after.version).toBe(before.version + 1);
    expect(after.history.at(-1)).toEqual({
      at: later.toISOString(),
      by: 'judge-a',
      action: 'conflicts',
      note: 'declared 01F',
    });
  });

  it('keeps the recorded own organisation when the token names none', () => {
    const after = replaceConflicts(judge({ orgCode: '02M' }), [], undefined, 'judge-a', later);
    expect(after.orgCode).toBe('02M');
  });
});

describe('the own organisation from the token', () => {
  it('asks for no write when the token names none or the same one', () => {
    expect(withOwnOrganisation(judge(), undefined, later)).toBeUndefined();
    expect(withOwnOrganisation(judge({ orgCode: '01F' }), '01F', later)).toBeUndefined();
  });

  it('records a new one as a change', () => {
    const after = withOwnOrganisation(judge({ orgCode: '00Q' }), '01F', later);
    expect(after?.orgCode).toBe('01F');
    expect(after?.version).toBe(2);
  });
});

describe('effective conflicts', () => {
  it('are the declared organisations plus the judge’s own, whether recorded or named by the token', () => {
    const j = judge({ conflicts: [{ orgCode: '00Q', kind: 'employee' }], orgCode: '02M' });
    expect(effectiveConflicts(j, '01F')).toEqual(new Set(['00Q', '02M', '01F']));
  });
});

describe('a category panel', () => {
  it('holds only the judges who sit on the category, each with their own organisation as a conflict', () => {
    const onPanel = judge({ userId: 'a', categoryIds: ['C1', 'C2'], orgCode: '01F' });
    const offPanel = judge({ userId: 'b', categoryIds: ['C2'] });
    expect(panelOf([onPanel, offPanel], 'C1')).toEqual([{ judgeId: 'a', conflicts: new Set(['01F']) }]);
  });

  const ORGS = ['01F', '02M', '00Q', '01A'];
  it('never lets the planner give a judge an entry of a conflicted organisation, declared or own', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ORGS), { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.record({
            declared: fc.subarray(ORGS, { maxLength: 2 }),
            own: fc.option(fc.constantFrom(...ORGS), { nil: undefined }),
            onPanel: fc.boolean(),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.integer({ min: 1, max: 3 }),
        (entryOrgs, judgeSpecs, judgesPerEntry) => {
          // Prepare
          const judges = judgeSpecs.map((spec, i) =>
            judge({
              userId: `j${i}`,
              categoryIds: spec.onPanel ? ['C1'] : ['C2'],
              conflicts: spec.declared.map((orgCode) => ({ orgCode, kind: 'employee' as const })),
              ...(spec.own ? { orgCode: spec.own } : {}),
            }),
          );
          const entries = entryOrgs.map((orgCode, i) => ({ entryId: `e${i}`, orgCode }));
          // Act
          const plan = planAssignment({ judgesPerEntry, entries, panel: panelOf(judges, 'C1'), existing: [] });
          // Assess
          if (!plan.feasible) return;
          for (const { entryId, judgeId } of plan.added) {
            const j = judges.find((x) => x.userId === judgeId)!;
            const org = entries.find((e) => e.entryId === entryId)!.orgCode;
            expect(j.categoryIds).toContain('C1');
            expect(j.conflicts.map((c) => c.orgCode)).not.toContain(org);
            expect(j.orgCode).not.toBe(org);
          }
        },
      ),
    );
  });
});
