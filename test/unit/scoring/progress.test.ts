import { scoringProgress } from '../../../shared/domain/scoring/progress.js';

describe('scoringProgress', () => {
  it('counts final, draft and missing sheets per judge, per entry and in total', () => {
    // Prepare: J1 has finished E1 and drafted E2; J2 has not started E1; E3 has nobody assigned
    const input = {
      entryIds: ['E1', 'E2', 'E3'],
      assignments: [
        { entryId: 'E1', judgeId: 'J1' },
        { entryId: 'E2', judgeId: 'J1' },
        { entryId: 'E1', judgeId: 'J2' },
      ],
      scores: [
        { entryId: 'E1', judgeId: 'J1', final: true },
        { entryId: 'E2', judgeId: 'J1', final: false },
      ],
    };

    // Act
    const progress = scoringProgress(input);

    // Assess
    expect(progress.totals).toEqual({ assigned: 3, final: 1, draft: 1, missing: 1 });
    expect(progress.judges).toEqual([
      { judgeId: 'J1', assigned: 2, final: 1, draft: 1, missing: 0 },
      { judgeId: 'J2', assigned: 1, final: 0, draft: 0, missing: 1 },
    ]);
    expect(progress.entries).toEqual([
      { entryId: 'E1', assigned: 2, final: 1, draft: 0, missing: 1 },
      { entryId: 'E2', assigned: 1, final: 0, draft: 1, missing: 0 },
      { entryId: 'E3', assigned: 0, final: 0, draft: 0, missing: 0 },
    ]);
  });

  it('adds up: every assignment is final, draft or missing; a sheet whose assignment was taken away does not count', () => {
    const progress = scoringProgress({
      entryIds: ['A', 'B'],
      assignments: ['J1', 'J2', 'J3'].flatMap((judgeId) => ['A', 'B'].map((entryId) => ({ entryId, judgeId }))),
      scores: [
        { entryId: 'A', judgeId: 'J1', final: true },
        { entryId: 'B', judgeId: 'J2', final: false },
        { entryId: 'A', judgeId: 'J9', final: true },
      ],
    });
    expect(progress.totals).toEqual({ assigned: 6, final: 1, draft: 1, missing: 4 });
    expect(progress.judges.map((j) => j.judgeId)).toEqual(['J1', 'J2', 'J3']);
    for (const row of [progress.totals, ...progress.judges, ...progress.entries]) {
      expect(row.final + row.draft + row.missing).toBe(row.assigned);
    }
  });
});
