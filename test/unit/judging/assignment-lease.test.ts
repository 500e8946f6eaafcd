import fc from 'fast-check';
import {
  ASSIGNMENT_LEASE_MARGIN_MS,
  ASSIGNMENT_LEASE_MS,
  leaseExpiry,
  leaseLapsed,
  leaseStillSafe,
  withoutWithdrawn,
  writtenAssignmentsNowConflicting,
} from '../../../shared/domain/judging/index.js';

const at = (ms: number) => new Date(ms);

describe("a category's assignment lease", () => {
  it('lasts ASSIGNMENT_LEASE_MS from when it is taken, and lapses only after that', () => {
    // Prepare
    const taken = at(1_000_000);
    // Act
    const expiresAt = leaseExpiry(taken);
    // Assess
    expect(expiresAt).toBe(1_000_000 + ASSIGNMENT_LEASE_MS);
    expect(leaseLapsed(expiresAt, at(expiresAt))).toBe(false);
    expect(leaseLapsed(expiresAt, at(expiresAt + 1))).toBe(true);
  });

  it('lets its holder start writing only up to the margin before expiry', () => {
    const expiresAt = leaseExpiry(at(0));
    expect(leaseStillSafe(expiresAt, at(0))).toBe(true);
    expect(leaseStillSafe(expiresAt, at(expiresAt - ASSIGNMENT_LEASE_MARGIN_MS))).toBe(true);
    expect(leaseStillSafe(expiresAt, at(expiresAt - ASSIGNMENT_LEASE_MARGIN_MS + 1))).toBe(false);
  });

  it('is never safe to write under once it has lapsed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 40 }), (taken, now) => {
        const expiresAt = leaseExpiry(at(taken));
        if (leaseLapsed(expiresAt, at(now))) expect(leaseStillSafe(expiresAt, at(now))).toBe(false);
      }),
    );
  });
});

describe('assignments just written, checked against their judges read again', () => {
  const judgesNow = new Map([
    ['judge-a', { conflicts: [{ orgCode: '01F', kind: 'employee' as const }], orgCode: '00Q' }],
    ['judge-b', { conflicts: [] }],
  ]);

  it('withdraws exactly those a declared conflict or the judge’s own organisation now forbids, saying why', () => {
    // Prepare
    const written = [
      { entryId: 'e1', judgeId: 'judge-a', orgCode: '01F' },
      { entryId: 'e2', judgeId: 'judge-a', orgCode: '00Q' },
      { entryId: 'e3', judgeId: 'judge-a', orgCode: '02M' },
      { entryId: 'e1', judgeId: 'judge-b', orgCode: '01F' },
    ];
    // Act
    const broken = writtenAssignmentsNowConflicting(written, judgesNow);
    // Assess
    expect(broken).toEqual([
      { entryId: 'e1', judgeId: 'judge-a', orgCode: '01F', reason: 'conflict declared' },
      { entryId: 'e2', judgeId: 'judge-a', orgCode: '00Q', reason: 'own organisation' },
    ]);
  });

  it('leaves alone an assignment whose judge is gone', () => {
    expect(
      writtenAssignmentsNowConflicting([{ entryId: 'e1', judgeId: 'judge-z', orgCode: '01F' }], judgesNow),
    ).toEqual([]);
  });
});

describe("an automatic run's answer after withdrawals", () => {
  const plan = {
    added: [
      { entryId: 'e1', judgeId: 'a' },
      { entryId: 'e1', judgeId: 'b' },
      { entryId: 'e2', judgeId: 'a' },
    ],
    loads: [
      { judgeId: 'a', load: 2 },
      { judgeId: 'b', load: 1 },
      { judgeId: 'c', load: 1 },
    ],
  };

  it('drops the withdrawn pairs and works the loads and their spread out again', () => {
    // Act
    const answer = withoutWithdrawn(plan, [{ entryId: 'e2', judgeId: 'a' }]);
    // Assess
    expect(answer).toEqual({
      added: [
        { entryId: 'e1', judgeId: 'a' },
        { entryId: 'e1', judgeId: 'b' },
      ],
      loads: [
        { judgeId: 'a', load: 1 },
        { judgeId: 'b', load: 1 },
        { judgeId: 'c', load: 1 },
      ],
      maxLoad: 1,
      minLoad: 1,
      spread: 0,
    });
  });

  it('takes one from the total load for each pair withdrawn', () => {
    fc.assert(
      fc.property(fc.subarray(plan.added), (withdrawn) => {
        const answer = withoutWithdrawn(plan, withdrawn);
        const total = (loads: { load: number }[]) => loads.reduce((sum, { load }) => sum + load, 0);
        expect(total(answer.loads)).toBe(total(plan.loads) - withdrawn.length);
        expect(answer.added).toHaveLength(plan.added.length - withdrawn.length);
        expect(answer.spread).toBe(answer.maxLoad - answer.minLoad);
      }),
    );
  });
});
