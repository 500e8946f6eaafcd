import fc from 'fast-check';
import {
  computeResults,
  proposedShortlist,
  TOO_CLOSE_TO_CALL,
  type FinalScore,
  type Results,
  type ResultsInput,
} from '../../../shared/domain/results/compute-results.js';

/** Laws of the results that hold for any panel, checked on random panels. */

interface PanelOptions {
  /** Every criterion marked out of this, or any of 5, 10, 100 when absent. */
  maxScore?: number;
  /** Marks drawn from 0..markCeiling (≤ maxScore), leaving room to shift them up. */
  markCeiling?: number;
  minEntries?: number;
}

function panelArb(options: PanelOptions = {}): fc.Arbitrary<ResultsInput> {
  const maxScore = options.maxScore === undefined ? fc.constantFrom(5, 10, 100) : fc.constant(options.maxScore);
  const shape = fc.record({
    criteria: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 10 }), maxScore }), {
      minLength: 1,
      maxLength: 4,
    }),
    entries: fc.integer({ min: options.minEntries ?? 1, max: 9 }),
    judges: fc.integer({ min: 1, max: 4 }),
  });
  return shape.chain(({ criteria, entries, judges }) => {
    const mark = fc.tuple(
      ...criteria.map((c) => fc.integer({ min: 0, max: Math.min(c.maxScore, options.markCeiling ?? c.maxScore) })),
    );
    const grid = fc.array(fc.array(fc.option(mark, { freq: 4 }), { minLength: judges, maxLength: judges }), {
      minLength: entries,
      maxLength: entries,
    });
    return fc.record({ grid, shortlistSize: fc.integer({ min: 0, max: entries }) }).map(({ grid, shortlistSize }) => {
      const withIds = criteria.map((c, i) => ({ id: `c${i}`, ...c }));
      const scores: FinalScore[] = [];
      grid.forEach((row, e) =>
        row.forEach((cell, j) => {
          if (cell) {
            scores.push({
              entryId: `E${e}`,
              judgeId: `J${j}`,
              scores: Object.fromEntries(cell.map((value, c) => [`c${c}`, value])),
            });
          }
        }),
      );
      return {
        criteria: withIds,
        entryIds: grid.map((_, e) => `E${e}`),
        scores,
        shortlistSize,
        bootstrapRounds: 30,
      };
    });
  });
}

const placing = (results: Results) => results.ranking.map((entry) => [entry.entryId, entry.rank, entry.tied]);

describe('results laws', () => {
  it("keep each judge's own order of the entries they scored", () => {
    fc.assert(
      fc.property(panelArb(), (input) => {
        // Act
        const results = computeResults(input);

        // Assess
        const byJudge = new Map<string, { weighted: number; normalised: number }[]>();
        for (const entry of results.ranking) {
          for (const judge of entry.judges) {
            const own = byJudge.get(judge.judgeId) ?? [];
            own.push({ weighted: judge.weightedScore, normalised: judge.normalisedScore });
            byJudge.set(judge.judgeId, own);
          }
        }
        for (const own of byJudge.values()) {
          for (const a of own) {
            for (const b of own) {
              // Marks that are equal on paper can differ in the last bit once weighted: not an order.
              if (b.weighted - a.weighted > 1e-9) expect(a.normalised).toBeLessThan(b.normalised);
              else if (Math.abs(b.weighted - a.weighted) <= 1e-9) expect(a.normalised).toBeCloseTo(b.normalised, 6);
            }
          }
        }
      }),
    );
  });

  it('give the same ranking when every weight is scaled by the same positive factor', () => {
    fc.assert(
      fc.property(panelArb(), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (input, factor) => {
        // Prepare
        const scaled = { ...input, criteria: input.criteria.map((c) => ({ ...c, weight: c.weight * factor })) };

        // Act
        const before = computeResults(input);
        const after = computeResults(scaled);

        // Assess
        expect(placing(after)).toEqual(placing(before));
        after.ranking.forEach((entry, i) => {
          if (entry.normalisedScore !== null)
            expect(entry.normalisedScore).toBeCloseTo(before.ranking[i]!.normalisedScore!, 6);
        });
      }),
    );
  });

  it("give the same ranking when one judge's weighted scores all rise by a constant (no judge on fallback)", () => {
    // Marks out of 10 drawn from 0..5, so every one can rise by up to 5 and stay in range. The law needs
    // every judge on z-scores: a judge on the raw fallback does not move with the pool's scale.
    const shifted = fc.record({
      input: panelArb({ maxScore: 10, markCeiling: 5, minEntries: 4 }),
      rise: fc.integer({ min: 1, max: 5 }),
      judge: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(shifted, ({ input, rise, judge }) => {
        // Prepare
        const before = computeResults(input);
        const judgeId = `J${judge}`;
        fc.pre(before.ranking.every((entry) => entry.judges.every((j) => j.normalisation === 'z-score')));
        fc.pre(input.scores.some((score) => score.judgeId === judgeId));
        const raised = {
          ...input,
          scores: input.scores.map((score) =>
            score.judgeId !== judgeId
              ? score
              : { ...score, scores: Object.fromEntries(Object.entries(score.scores).map(([c, v]) => [c, v + rise])) },
          ),
        };

        // Act
        const after = computeResults(raised);

        // Assess
        expect(placing(after)).toEqual(placing(before));
      }),
      { numRuns: 60 },
    );
  });

  it('give the same results whatever order the scores and entries arrive in', () => {
    fc.assert(
      fc.property(panelArb(), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (input, keys) => {
        // Prepare
        const shuffle = <T>(items: readonly T[]) =>
          items
            .map((item) => ({ item, key: keys.next().value as number }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const shuffled = { ...input, scores: shuffle(input.scores), entryIds: shuffle(input.entryIds) };

        // Act / Assess
        expect(computeResults(shuffled)).toEqual(computeResults(input));
      }),
    );
  });

  it('rank each entry one below the number of entries scored clearly higher, and flag every tie', () => {
    fc.assert(
      fc.property(panelArb(), (input) => {
        // Act
        const ranked = computeResults(input).ranking.filter((entry) => entry.rank !== null);

        // Assess
        for (const entry of ranked) {
          const higher = ranked.filter((other) => other.normalisedScore! - entry.normalisedScore! > 1e-9).length;
          const equal = ranked.filter(
            (other) => other !== entry && Math.abs(other.normalisedScore! - entry.normalisedScore!) <= 1e-9,
          );
          expect(entry.rank).toBe(higher + 1);
          expect(entry.tied).toBe(equal.length > 0);
          for (const other of equal) expect(other.rank).toBe(entry.rank);
        }
      }),
    );
  });

  it('list every entry once, unscored ones last and unranked', () => {
    fc.assert(
      fc.property(panelArb(), (input) => {
        // Act
        const { ranking } = computeResults(input);

        // Assess
        expect(ranking.map((entry) => entry.entryId).sort()).toEqual([...input.entryIds].sort());
        const firstUnscored = ranking.findIndex((entry) => entry.judgeCount === 0);
        if (firstUnscored >= 0) {
          expect(ranking.slice(firstUnscored).every((entry) => entry.rank === null && entry.judgeCount === 0)).toBe(
            true,
          );
        }
        expect(ranking.filter((entry) => entry.judgeCount > 0).every((entry) => entry.rank !== null)).toBe(true);
      }),
    );
  });

  it('propose a shortlist of at least shortlistSize entries that never splits a tie', () => {
    fc.assert(
      fc.property(panelArb(), (input) => {
        // Act
        const results = computeResults(input);
        const shortlist = new Set(proposedShortlist(results));

        // Assess
        const ranked = results.ranking.filter((entry) => entry.rank !== null);
        expect(shortlist.size).toBeGreaterThanOrEqual(Math.min(input.shortlistSize, ranked.length));
        for (const entry of ranked) {
          const mates = ranked.filter((other) => other.rank === entry.rank);
          expect(mates.every((mate) => shortlist.has(mate.entryId))).toBe(shortlist.has(entry.entryId));
        }
        expect(shortlist.size > input.shortlistSize).toBe(results.boundaryTie.length > 0);
      }),
    );
  });

  it('flag an entry too close to call exactly when its confidence is in the band or it is tied on the boundary', () => {
    fc.assert(
      fc.property(panelArb(), (input) => {
        // Act
        const results = computeResults(input);

        // Assess
        for (const entry of results.ranking.filter((ranked) => ranked.rank !== null)) {
          expect(entry.confidence).toBeGreaterThanOrEqual(0);
          expect(entry.confidence).toBeLessThanOrEqual(1);
          const inBand = entry.confidence! >= TOO_CLOSE_TO_CALL.low && entry.confidence! <= TOO_CLOSE_TO_CALL.high;
          expect(entry.tooCloseToCall).toBe(inBand || results.boundaryTie.includes(entry.entryId));
        }
      }),
    );
  });
});
