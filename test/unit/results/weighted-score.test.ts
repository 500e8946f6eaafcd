import fc from 'fast-check';
import { weightedScore, type CriterionWeight } from '../../../shared/domain/results/weighted-score.js';

describe('weightedScore', () => {
  it('gives each criterion its share of the weight and each mark its share of the maximum, out of 100', () => {
    // Prepare: impact counts three times as much as reach; reach is marked out of 5
    const criteria: CriterionWeight[] = [
      { id: 'impact', weight: 3, maxScore: 10 },
      { id: 'reach', weight: 1, maxScore: 5 },
    ];

    // Act
    const score = weightedScore(criteria, { impact: 8, reach: 2 });

    // Assess: 0.75 · 0.8 · 100 + 0.25 · 0.4 · 100
    expect(score).toBeCloseTo(70, 12);
  });

  it('scores full marks as 100 and no marks as 0', () => {
    // Prepare
    const criteria: CriterionWeight[] = [
      { id: 'a', weight: 2, maxScore: 7 },
      { id: 'b', weight: 5, maxScore: 100 },
    ];

    // Act / Assess
    expect(weightedScore(criteria, { a: 7, b: 100 })).toBeCloseTo(100, 12);
    expect(weightedScore(criteria, { a: 0, b: 0 })).toBe(0);
  });

  it('gives the same figure for weights summing to any positive total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 1, max: 20 }), mark: fc.integer({ min: 0, max: 10 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (rows, factor) => {
          // Prepare
          const criteria = rows.map((row, i) => ({ id: `c${i}`, weight: row.weight, maxScore: 10 }));
          const scaled = criteria.map((criterion) => ({ ...criterion, weight: criterion.weight * factor }));
          const marks = Object.fromEntries(rows.map((row, i) => [`c${i}`, row.mark]));

          // Act / Assess
          expect(weightedScore(scaled, marks)).toBeCloseTo(weightedScore(criteria, marks), 9);
        },
      ),
    );
  });

  it('never lets a missing criterion pass as zero', () => {
    // Prepare
    const criteria: CriterionWeight[] = [{ id: 'impact', weight: 1, maxScore: 10 }];

    // Act / Assess
    expect(weightedScore(criteria, {})).toBeNaN();
  });
});
