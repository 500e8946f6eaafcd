import fc from 'fast-check';
import { normaliseByJudge, type WeightedMark } from '../../../shared/domain/results/judge-normalisation.js';

const marksOf = (judgeId: string, values: number[]): WeightedMark[] =>
  values.map((weighted, i) => ({ entryId: `E${i}`, judgeId, weighted }));

describe('normaliseByJudge', () => {
  it("maps a judge's marks to the pool's mean and spread through their own z-scores", () => {
    // Prepare: the pool is these three marks, so the judge's z-scores map straight back onto them
    const marks = marksOf('J1', [40, 50, 60]);

    // Act
    const { marks: normalised, pool } = normaliseByJudge(marks);

    // Assess
    expect(pool).toEqual({ mean: 50, stdev: Math.sqrt(200 / 3) });
    expect(normalised.map((mark) => mark.normalised)).toEqual([
      expect.closeTo(40, 9),
      expect.closeTo(50, 9),
      expect.closeTo(60, 9),
    ]);
    expect(normalised.every((mark) => mark.normalisation === 'z-score')).toBe(true);
  });

  it('takes out a lenient judge’s lift when two judges mark the same entries in the same way', () => {
    // Prepare: J2 gives every entry 20 points more than J1
    const marks = [...marksOf('J1', [30, 45, 60]), ...marksOf('J2', [50, 65, 80])];

    // Act
    const { marks: normalised } = normaliseByJudge(marks);

    // Assess
    const j1 = normalised.filter((mark) => mark.judgeId === 'J1').map((mark) => mark.normalised);
    const j2 = normalised.filter((mark) => mark.judgeId === 'J2').map((mark) => mark.normalised);
    j1.forEach((value, i) => expect(value).toBeCloseTo(j2[i]!, 9));
  });

  it('keeps the raw weighted score for a judge with fewer than 3 final scores', () => {
    // Prepare
    const marks = [...marksOf('J1', [20, 50, 80]), ...marksOf('J2', [90, 95])];

    // Act
    const { marks: normalised } = normaliseByJudge(marks);

    // Assess
    const j2 = normalised.filter((mark) => mark.judgeId === 'J2');
    expect(j2.map((mark) => [mark.normalised, mark.normalisation])).toEqual([
      [90, 'raw fallback'],
      [95, 'raw fallback'],
    ]);
  });

  it('keeps the raw weighted score for a judge who gave every entry the same mark', () => {
    // Prepare
    const marks = [...marksOf('J1', [20, 50, 80]), ...marksOf('J2', [70, 70, 70, 70])];

    // Act
    const { marks: normalised } = normaliseByJudge(marks);

    // Assess
    const j2 = normalised.filter((mark) => mark.judgeId === 'J2');
    expect(j2.every((mark) => mark.normalised === 70 && mark.normalisation === 'raw fallback')).toBe(true);
  });

  it("never changes a judge's own order of entries", () => {
    const panel = fc.array(
      fc.record({
        judgeId: fc.constantFrom('J1', 'J2', 'J3', 'J4'),
        weighted: fc.double({ min: 0, max: 100, noNaN: true }),
      }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(panel, (rows) => {
        // Prepare
        const marks = rows.map((row, i) => ({ ...row, entryId: `E${i}` }));

        // Act
        const { marks: normalised } = normaliseByJudge(marks);

        // Assess
        for (const a of normalised) {
          for (const b of normalised) {
            if (a.judgeId === b.judgeId && a.weighted < b.weighted)
              expect(a.normalised).toBeLessThanOrEqual(b.normalised);
          }
        }
      }),
    );
  });
});
