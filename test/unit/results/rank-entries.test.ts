import { rankByScore } from '../../../shared/domain/results/rank-entries.js';

describe('rankByScore', () => {
  it('treats scores within 1e-9 as a tie: rounding is not a judgement', () => {
    // Prepare
    const scored = [
      { entryId: 'B', score: 60 + 5e-10 },
      { entryId: 'A', score: 60 },
      { entryId: 'C', score: 60 - 1e-6 },
    ];

    // Act
    const placed = rankByScore(scored);

    // Assess
    expect(placed.map((entry) => [entry.entryId, entry.rank, entry.tied])).toEqual([
      ['A', 1, true],
      ['B', 1, true],
      ['C', 3, false],
    ]);
  });

  it('never splits a chain of near-equal scores between two ranks', () => {
    // Prepare: each neighbour is within the tolerance, the ends are not
    const scored = [
      { entryId: 'A', score: 50 + 1.6e-9 },
      { entryId: 'B', score: 50 + 0.8e-9 },
      { entryId: 'C', score: 50 },
    ];

    // Act
    const placed = rankByScore(scored);

    // Assess
    expect(placed.map((entry) => entry.rank)).toEqual([1, 1, 1]);
    expect(placed.every((entry) => entry.tieSize === 3)).toBe(true);
  });
});
