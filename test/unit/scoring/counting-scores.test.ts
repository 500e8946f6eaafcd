import { assignedSheets, countingScores } from '../../../shared/domain/scoring/counting-scores.js';

const sheet = (entryId: string, judgeId: string, final: boolean) => ({ entryId, judgeId, final });
const assignments = [
  { entryId: 'A', judgeId: 'J1' },
  { entryId: 'A', judgeId: 'J2' },
  { entryId: 'B', judgeId: 'J1' },
];

describe('countingScores', () => {
  it('counts final scores of judges still assigned, and nothing else', () => {
    // Prepare: J2's draft does not count; J3 was taken off A after scoring it
    const scores = [sheet('A', 'J1', true), sheet('A', 'J2', false), sheet('A', 'J3', true), sheet('B', 'J1', true)];

    // Act / Assess
    expect(countingScores(scores, assignments)).toEqual([sheet('A', 'J1', true), sheet('B', 'J1', true)]);
    expect(assignedSheets(scores, assignments)).toHaveLength(3);
  });

  it('does not mistake one judge’s assignment to one entry for another pair', () => {
    // J2 is assigned to A, not B; J1 to B: the pair (B, J2) is not assigned
    expect(countingScores([sheet('B', 'J2', true)], assignments)).toEqual([]);
  });
});
