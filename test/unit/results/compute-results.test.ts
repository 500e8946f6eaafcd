import { InvalidError } from '../../../shared/domain/errors.js';
import {
  computeResults,
  proposedShortlist,
  type FinalScore,
  type ResultsInput,
} from '../../../shared/domain/results/compute-results.js';

/** One criterion out of 100 with weight 1, so a judge's weighted score is simply their mark. */
const OVERALL = [{ id: 'overall', weight: 1, maxScore: 100 }];

function marks(rows: [entryId: string, judgeId: string, mark: number][]): FinalScore[] {
  return rows.map(([entryId, judgeId, mark]) => ({ entryId, judgeId, scores: { overall: mark } }));
}

function panel(rows: [string, string, number][], shortlistSize: number, entryIds?: string[]): ResultsInput {
  const ids = entryIds ?? [...new Set(rows.map(([entryId]) => entryId))];
  return { criteria: OVERALL, entryIds: ids, scores: marks(rows), shortlistSize, bootstrapRounds: 200 };
}

const entry = (results: ReturnType<typeof computeResults>, entryId: string) =>
  results.ranking.find((ranked) => ranked.entryId === entryId)!;

describe('computeResults', () => {
  it('reports the raw mean, judge count, spread and per-criterion means in the criterion’s own units', () => {
    // Prepare: two criteria, two judges who disagree
    const input: ResultsInput = {
      criteria: [
        { id: 'impact', weight: 1, maxScore: 10 },
        { id: 'reach', weight: 1, maxScore: 5 },
      ],
      entryIds: ['A'],
      scores: [
        { entryId: 'A', judgeId: 'J1', scores: { impact: 8, reach: 4 } },
        { entryId: 'A', judgeId: 'J2', scores: { impact: 4, reach: 1 } },
      ],
      shortlistSize: 1,
    };

    // Act
    const [a] = computeResults(input).ranking;

    // Assess: J1 weighs in at 80, J2 at 30
    expect(a).toMatchObject({ entryId: 'A', rank: 1, judgeCount: 2, criterionMeans: { impact: 6, reach: 2.5 } });
    expect(a!.rawScore).toBeCloseTo(55, 9);
    expect(a!.spread).toBeCloseTo(50, 9);
    expect(a!.judges.map((judge) => judge.judgeId)).toEqual(['J1', 'J2']);
  });

  it('removes a lenient judge’s bias, which raw means would reward', () => {
    // Prepare: both judges mark C1–C3 in the same order, but the lenient judge sits 30 points higher.
    // X is the best entry the harsh judge saw; Y, a little below X in the judges' own terms, only the lenient one.
    const input = panel(
      [
        ['C1', 'harsh', 25],
        ['C2', 'harsh', 35],
        ['C3', 'harsh', 45],
        ['X', 'harsh', 55],
        ['C1', 'lenient', 55],
        ['C2', 'lenient', 65],
        ['C3', 'lenient', 75],
        ['Y', 'lenient', 80],
      ],
      1,
    );

    // Act
    const results = computeResults(input);

    // Assess
    expect(entry(results, 'Y').rawScore!).toBeGreaterThan(entry(results, 'X').rawScore!);
    expect(entry(results, 'X').rank).toBe(1);
    expect(entry(results, 'Y').rank).toBe(2);
    expect(results.method).toBe('z-score per judge with raw fallback');
  });

  it('falls back to the raw weighted score for a judge with fewer than 3 final scores', () => {
    // Prepare: J1 scores three entries; J2 only one
    const input = panel(
      [
        ['A', 'J1', 20],
        ['B', 'J1', 40],
        ['C', 'J1', 90],
        ['D', 'J2', 77],
      ],
      1,
    );

    // Act
    const d = entry(computeResults(input), 'D');

    // Assess
    expect(d.normalisedScore).toBe(77);
    expect(d.judges[0]).toMatchObject({ normalisation: 'raw fallback', weightedScore: 77, normalisedScore: 77 });
  });

  it('falls back to the raw weighted score for a judge who gave every entry the same score', () => {
    // Prepare
    const input = panel(
      [
        ['A', 'J1', 20],
        ['B', 'J1', 40],
        ['C', 'J1', 90],
        ['A', 'J2', 65],
        ['B', 'J2', 65],
        ['C', 'J2', 65],
      ],
      1,
    );

    // Act
    const results = computeResults(input);

    // Assess
    for (const ranked of results.ranking) {
      expect(ranked.judges.find((judge) => judge.judgeId === 'J2')).toMatchObject({
        normalisation: 'raw fallback',
        normalisedScore: 65,
      });
    }
  });

  it('gives tied entries the same rank, flags them, and skips the places they take', () => {
    // Prepare: B and C have identical scores; ids given out of order
    const input = panel(
      [
        ['A', 'J1', 80],
        ['C', 'J1', 60],
        ['B', 'J1', 60],
        ['D', 'J1', 40],
      ],
      3,
      ['D', 'C', 'B', 'A'],
    );

    // Act
    const results = computeResults(input);

    // Assess
    expect(results.ranking.map((ranked) => [ranked.entryId, ranked.rank, ranked.tied])).toEqual([
      ['A', 1, false],
      ['B', 2, true],
      ['C', 2, true],
      ['D', 4, false],
    ]);
  });

  it('never cuts a tie at the shortlist boundary: includes every tied entry and reports them', () => {
    // Prepare: a shortlist of 2, but places 2 and 3 are tied
    const input = panel(
      [
        ['A', 'J1', 80],
        ['B', 'J1', 60],
        ['C', 'J1', 60],
        ['D', 'J1', 40],
      ],
      2,
    );

    // Act
    const results = computeResults(input);

    // Assess
    expect(proposedShortlist(results)).toEqual(['A', 'B', 'C']);
    expect(results.boundaryTie).toEqual(['B', 'C']);
    expect(entry(results, 'B').tooCloseToCall).toBe(true);
    expect(entry(results, 'C').tooCloseToCall).toBe(true);
  });

  it('proposes exactly the top shortlistSize entries when no tie crosses the boundary', () => {
    // Prepare
    const input = panel(
      [
        ['A', 'J1', 80],
        ['B', 'J1', 70],
        ['C', 'J1', 60],
        ['D', 'J1', 40],
      ],
      2,
    );

    // Act
    const results = computeResults(input);

    // Assess
    expect(proposedShortlist(results)).toEqual(['A', 'B']);
    expect(results.boundaryTie).toEqual([]);
  });

  it('lists entries with no final score last, unranked, with no judges', () => {
    // Prepare
    const input = panel(
      [
        ['A', 'J1', 80],
        ['B', 'J1', 70],
        ['C', 'J1', 60],
      ],
      1,
      ['Z', 'A', 'B', 'C', 'M'],
    );

    // Act
    const results = computeResults(input);

    // Assess
    expect(results.ranking.map((ranked) => ranked.entryId)).toEqual(['A', 'B', 'C', 'M', 'Z']);
    expect(entry(results, 'M')).toEqual({
      entryId: 'M',
      rank: null,
      rawScore: null,
      normalisedScore: null,
      judgeCount: 0,
      spread: null,
      criterionMeans: {},
      tied: false,
      confidence: null,
      tooCloseToCall: false,
      judges: [],
    });
    expect(proposedShortlist(results)).toEqual(['A']);
  });

  it('gives a clear leader a confidence of 1 and does not flag it', () => {
    // Prepare: three judges score everything; A is far ahead with each of them
    const rows: [string, string, number][] = [];
    for (const judge of ['J1', 'J2', 'J3']) {
      rows.push(['A', judge, 95]);
      for (const [i, other] of ['B', 'C', 'D', 'E'].entries()) rows.push([other, judge, 30 + 5 * i]);
    }

    // Act
    const a = entry(computeResults(panel(rows, 1)), 'A');

    // Assess
    expect(a.confidence).toBe(1);
    expect(a.tooCloseToCall).toBe(false);
  });

  it('flags entries whose place in the shortlist depends on which judges they drew', () => {
    // Prepare: judges with one or two scores keep their raw marks, which makes the panels easy to read.
    // A's judges disagree (80 and 40); B's agree on 61; C is far behind. One place on the shortlist.
    const input = panel(
      [
        ['A', 'J1', 80],
        ['A', 'J2', 40],
        ['B', 'J3', 61],
        ['B', 'J4', 61],
        ['C', 'J5', 10],
        ['C', 'J6', 10],
      ],
      1,
    );
    input.bootstrapRounds = 2000;

    // Act
    const results = computeResults(input);

    // Assess: A makes it only when both draws are its 80 judge (one round in four)
    expect(entry(results, 'A').confidence).toBeCloseTo(0.25, 1);
    expect(entry(results, 'B').confidence).toBeCloseTo(0.75, 1);
    expect(entry(results, 'A').tooCloseToCall).toBe(true);
    expect(entry(results, 'B').tooCloseToCall).toBe(true);
    expect(entry(results, 'C')).toMatchObject({ confidence: 0, tooCloseToCall: false });
  });

  it('gives the same confidence figures every time for the same input', () => {
    // Prepare
    const input = panel(
      [
        ['A', 'J1', 80],
        ['A', 'J2', 40],
        ['B', 'J3', 70],
        ['B', 'J4', 50],
      ],
      1,
    );

    // Act
    const first = computeResults(input);
    const second = computeResults({ ...input, scores: [...input.scores].reverse() });

    // Assess
    expect(second).toEqual(first);
    expect(first.bootstrap).toEqual({ rounds: 200, seed: expect.any(Number) });
  });

  it.each<[string, Partial<ResultsInput>, string]>([
    ['a mark above the maximum', { scores: marks([['A', 'J1', 101]]) }, 'scores[0].scores.overall'],
    ['a negative mark', { scores: marks([['A', 'J1', -1]]) }, 'scores[0].scores.overall'],
    ['a mark that is not a number', { scores: marks([['A', 'J1', Number.NaN]]) }, 'scores[0].scores.overall'],
    ['a missing criterion', { scores: [{ entryId: 'A', judgeId: 'J1', scores: {} }] }, 'scores[0].scores.overall'],
    [
      'an unknown criterion',
      { scores: [{ entryId: 'A', judgeId: 'J1', scores: { overall: 5, charm: 3 } }] },
      'scores[0].scores.charm',
    ],
    [
      'two final scores from one judge for one entry',
      {
        scores: marks([
          ['A', 'J1', 5],
          ['A', 'J1', 6],
        ]),
      },
      'scores[1]',
    ],
    ['a score for an entry not in the list', { scores: marks([['Q', 'J1', 5]]) }, 'scores[0].entryId'],
    ['an entry listed twice', { entryIds: ['A', 'A'] }, 'entryIds[1]'],
    ['no criteria', { criteria: [], scores: [] }, 'criteria'],
    ['a zero weight', { criteria: [{ id: 'overall', weight: 0, maxScore: 100 }] }, 'criteria[0].weight'],
    ['a zero maximum', { criteria: [{ id: 'overall', weight: 1, maxScore: 0 }] }, 'criteria[0].maxScore'],
    [
      'a criterion listed twice',
      {
        criteria: [
          { id: 'overall', weight: 1, maxScore: 100 },
          { id: 'overall', weight: 1, maxScore: 100 },
        ],
      },
      'criteria[1].id',
    ],
    ['a fractional shortlist size', { shortlistSize: 1.5 }, 'shortlistSize'],
    ['no bootstrap rounds', { bootstrapRounds: 0 }, 'bootstrapRounds'],
    ['a fractional seed', { seed: 0.5 }, 'seed'],
  ])('refuses %s', (_, change, path) => {
    // Prepare
    const input: ResultsInput = { ...panel([['A', 'J1', 50]], 1), ...change };

    // Act
    const attempt = () => computeResults(input);

    // Assess
    expect(attempt).toThrow(InvalidError);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidError).errors.map((fieldError) => fieldError.path)).toContain(path);
    }
  });
});
