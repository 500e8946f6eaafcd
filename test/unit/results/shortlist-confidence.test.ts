import { shortlistConfidence } from '../../../shared/domain/results/bootstrap-confidence.js';

describe('shortlistConfidence', () => {
  it('gives the same shares for the same panels and seed, and other shares for another seed', () => {
    // Prepare
    const panels = [
      [80, 40, 62],
      [61, 59],
      [70, 45, 55],
      [30, 90],
    ];

    // Act
    const first = shortlistConfidence(panels, 2, 300, 42);
    const again = shortlistConfidence(panels, 2, 300, 42);
    const otherSeed = shortlistConfidence(panels, 2, 300, 43);

    // Assess
    expect(again).toEqual(first);
    expect(otherSeed).not.toEqual(first);
  });

  it('gives a clear leader a share of 1 and a clear laggard 0', () => {
    // Prepare
    const panels = [
      [95, 92, 97],
      [50, 55, 45],
      [20, 25, 22],
    ];

    // Act
    const shares = shortlistConfidence(panels, 1, 500, 1);

    // Assess
    expect(shares).toEqual([1, 0, 0]);
  });

  it('splits the last place evenly between entries tied on it in a round, so shares add up to the shortlist size', () => {
    // Prepare: three identical entries, two places
    const panels = [[60], [60], [60], [10]];

    // Act
    const shares = shortlistConfidence(panels, 2, 10, 1);

    // Assess
    expect(shares).toEqual([expect.closeTo(2 / 3, 12), expect.closeTo(2 / 3, 12), expect.closeTo(2 / 3, 12), 0]);
  });

  it('puts everyone inside when the shortlist is as long as the field, and no one when it is empty', () => {
    // Prepare
    const panels = [[10], [20]];

    // Act / Assess
    expect(shortlistConfidence(panels, 2, 10, 1)).toEqual([1, 1]);
    expect(shortlistConfidence(panels, 0, 10, 1)).toEqual([0, 0]);
  });
});
