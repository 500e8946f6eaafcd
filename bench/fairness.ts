/**
 * Fairness benchmark: does ranking by normalised scores recover the truly best entries better than
 * ranking by raw means, on simulated panels with lenient/harsh and narrow/wide judges? And how long
 * does computeResults take at a large category's size — alone, and with the DynamoDB reads of the
 * results use case against a local table (target ≤ 1 s)?
 *
 *   npm run bench:fairness
 *
 * Everything is seeded: the figures are the same on every run (timings aside).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalStack } from '../infra/local/local-stack.js';
import type { Entry } from '../shared/domain/entries/entry.js';
import type { Score } from '../shared/domain/scoring/score.js';
import {
  computeResults,
  proposedShortlist,
  type CriterionWeight,
  type FinalScore,
  type Results,
} from '../shared/domain/results/compute-results.js';
import { resultsCsv } from '../shared/domain/results/results-csv.js';
import { seededRandom } from '../shared/domain/results/seeded-random.js';
import { insertAssignments } from '../shared/store/assignments.js';
import { insertEntry } from '../shared/store/entries.js';
import { insertScores, scoresOfCategory } from '../shared/store/scores.js';
import { categoryResults } from '../shared/use-cases/results/category-results.js';
import { createCategory, createProgramme } from '../shared/use-cases/programmes.js';

// ---------------------------------------------------------------- simulation of a judging panel

interface Scenario {
  name: string;
  /** Standard deviation of a judge's leniency, in points on the 0–100 scale. */
  leniencySd: number;
  /** Standard deviation of log(stretch): how much judges differ in how much of the scale they use. */
  stretchSd: number;
}

interface PanelShape {
  entries: number;
  judges: number;
  judgesPerEntry: number;
  shortlistSize: number;
  criteria: CriterionWeight[];
}

const PANEL: PanelShape = {
  entries: 60,
  judges: 12,
  judgesPerEntry: 3,
  shortlistSize: 6,
  criteria: [
    { id: 'impact', weight: 3, maxScore: 10 },
    { id: 'innovation', weight: 2, maxScore: 10 },
    { id: 'evidence', weight: 2, maxScore: 10 },
    { id: 'sustainability', weight: 2, maxScore: 5 },
    { id: 'spread', weight: 1, maxScore: 5 },
  ],
};
/** Spread of the entries' true quality, and of how differently one entry fares on each criterion. */
const QUALITY = { mean: 55, sd: 12, criterionSd: 6 };
/** A judge's reading of one criterion of one entry wobbles by this much (points out of 100). */
const NOISE_SD = 8;
const TRIALS = 200;

const SCENARIOS: Scenario[] = [
  { name: 'judges alike (no bias)', leniencySd: 0, stretchSd: 0 },
  { name: 'typical panel', leniencySd: 8, stretchSd: 0.25 },
  { name: 'very uneven panel', leniencySd: 15, stretchSd: 0.4 },
];

function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Each entry to judgesPerEntry distinct judges, always the least-loaded ones (random among equals). */
function assignPanels(shape: PanelShape, random: () => number): number[][] {
  const load = new Array<number>(shape.judges).fill(0);
  const order = [...Array(shape.entries).keys()].sort(() => random() - 0.5);
  const panels: number[][] = Array.from({ length: shape.entries }, () => []);
  for (const entry of order) {
    const chosen = [...load.keys()]
      .map((judge) => ({ judge, key: load[judge]! + random() * 0.5 }))
      .sort((a, b) => a.key - b.key)
      .slice(0, shape.judgesPerEntry)
      .map(({ judge }) => judge);
    for (const judge of chosen) load[judge]! += 1;
    panels[entry] = chosen;
  }
  return panels;
}

interface Simulated {
  entryIds: string[];
  scores: FinalScore[];
  trueTop: Set<string>;
}

function simulatePanel(shape: PanelShape, scenario: Scenario, random: () => number): Simulated {
  const totalWeight = shape.criteria.reduce((sum, c) => sum + c.weight, 0);
  const entryIds = Array.from({ length: shape.entries }, (_, i) => `E${String(i).padStart(4, '0')}`);
  const truth = entryIds.map(() => {
    const quality = QUALITY.mean + QUALITY.sd * normal(random);
    return shape.criteria.map(() => quality + QUALITY.criterionSd * normal(random));
  });
  const trueScore = truth.map((perCriterion) =>
    shape.criteria.reduce((sum, c, i) => sum + (c.weight / totalWeight) * perCriterion[i]!, 0),
  );
  const judges = Array.from({ length: shape.judges }, () => ({
    leniency: scenario.leniencySd * normal(random),
    stretch: Math.exp(scenario.stretchSd * normal(random)),
  }));
  const panels = assignPanels(shape, random);
  const scores: FinalScore[] = [];
  panels.forEach((panel, entry) => {
    for (const judgeIndex of panel) {
      const judge = judges[judgeIndex]!;
      const marks: Record<string, number> = {};
      shape.criteria.forEach((criterion, c) => {
        const seen = 50 + judge.stretch * (truth[entry]![c]! - 50) + judge.leniency + NOISE_SD * normal(random);
        marks[criterion.id] = Math.min(criterion.maxScore, Math.max(0, Math.round((seen / 100) * criterion.maxScore)));
      });
      scores.push({ entryId: entryIds[entry]!, judgeId: `J${String(judgeIndex).padStart(3, '0')}`, scores: marks });
    }
  });
  const trueTop = new Set(
    entryIds
      .map((entryId, i) => ({ entryId, score: trueScore[i]! }))
      .sort((a, b) => b.score - a.score)
      .slice(0, shape.shortlistSize)
      .map(({ entryId }) => entryId),
  );
  return { entryIds, scores, trueTop };
}

/** Exactly k, ties by id, for raw and normalised alike: a fair race (proposedShortlist may list more on a tie). */
function topK(results: Results, score: 'rawScore' | 'normalisedScore', k: number): string[] {
  return results.ranking
    .filter((entry) => entry[score] !== null)
    .sort((a, b) => b[score]! - a[score]! || (a.entryId < b.entryId ? -1 : 1))
    .slice(0, k)
    .map((entry) => entry.entryId);
}

interface ScenarioFigures {
  scenario: string;
  rawRecall: number;
  normalisedRecall: number;
  gain: number;
  gainCi95: number;
  wrongCallsFlagged: number;
  flaggedPerPanel: number;
  longerShortlists: number;
}

function runScenario(scenario: Scenario, seed: number): ScenarioFigures {
  const random = seededRandom(seed);
  const k = PANEL.shortlistSize;
  const gains: number[] = [];
  let raw = 0;
  let normalised = 0;
  let wrongCalls = 0;
  let wrongCallsFlagged = 0;
  let flagged = 0;
  let longer = 0;
  for (let trial = 0; trial < TRIALS; trial += 1) {
    const panel = simulatePanel(PANEL, scenario, random);
    const results = computeResults({
      criteria: PANEL.criteria,
      entryIds: panel.entryIds,
      scores: panel.scores,
      shortlistSize: k,
    });
    const recall = (ids: string[]) => ids.filter((id) => panel.trueTop.has(id)).length / k;
    const rawRecall = recall(topK(results, 'rawScore', k));
    const normalisedRecall = recall(topK(results, 'normalisedScore', k));
    raw += rawRecall;
    normalised += normalisedRecall;
    gains.push(normalisedRecall - rawRecall);
    const shortlist = new Set(proposedShortlist(results));
    if (shortlist.size > k) longer += 1;
    for (const entry of results.ranking) {
      if (entry.tooCloseToCall) flagged += 1;
      if (shortlist.has(entry.entryId) !== panel.trueTop.has(entry.entryId)) {
        wrongCalls += 1;
        if (entry.tooCloseToCall) wrongCallsFlagged += 1;
      }
    }
  }
  const gain = (normalised - raw) / TRIALS;
  const gainSd = Math.sqrt(gains.reduce((sum, g) => sum + (g - gain) ** 2, 0) / (TRIALS - 1));
  return {
    scenario: scenario.name,
    rawRecall: raw / TRIALS,
    normalisedRecall: normalised / TRIALS,
    gain,
    gainCi95: (1.96 * gainSd) / Math.sqrt(TRIALS),
    wrongCallsFlagged: wrongCalls === 0 ? 1 : wrongCallsFlagged / wrongCalls,
    flaggedPerPanel: flagged / TRIALS,
    longerShortlists: longer,
  };
}

// ---------------------------------------------------------------- time at a large category's size

interface Phase {
  phase: string;
  ms: number;
}

async function timed<T>(phases: Phase[], phase: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await work();
  phases.push({ phase, ms: performance.now() - start });
  return value;
}

function largeCategory(random: () => number) {
  const shape: PanelShape = {
    entries: 2000,
    judges: 100,
    judgesPerEntry: 5,
    shortlistSize: 20,
    criteria: [
      { id: 'c1', weight: 3, maxScore: 10 },
      { id: 'c2', weight: 2, maxScore: 10 },
      { id: 'c3', weight: 2, maxScore: 10 },
      { id: 'c4', weight: 1, maxScore: 10 },
      { id: 'c5', weight: 1, maxScore: 5 },
      { id: 'c6', weight: 1, maxScore: 5 },
    ],
  };
  const { entryIds, scores } = simulatePanel(shape, SCENARIOS[1]!, random);
  return { shape, entryIds, scores };
}

async function timeLargeCategory(): Promise<Phase[]> {
  const phases: Phase[] = [];
  const { shape, entryIds, scores } = largeCategory(seededRandom(7));
  const input = { criteria: shape.criteria, entryIds, scores, shortlistSize: shape.shortlistSize };
  computeResults(input); // warm-up: the first call pays for JIT compilation
  const runs: number[] = [];
  let results: Results | undefined;
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    results = computeResults(input);
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  phases.push({ phase: 'computeResults, 500 bootstrap rounds (median of 5)', ms: runs[2]! });
  phases.push({ phase: 'computeResults, slowest of 5', ms: runs[4]! });
  await timed(phases, 'computeResults, no bootstrap (1 round)', () => computeResults({ ...input, bootstrapRounds: 1 }));
  await timed(phases, 'resultsCsv (10,000 rows)', () =>
    resultsCsv({
      results: results!,
      criteria: shape.criteria.map((c) => ({ id: c.id, name: c.id })),
      entries: new Map(entryIds.map((id) => [id, { orgCode: 'RXX', title: `Entry ${id}` }])),
      scores,
    }),
  );
  return phases;
}

/**
 * The same category stored in a local world's table (embedded DynamoDB, in memory): 2,000 submitted
 * entries, their 10,000 assignments and 10,000 final score items, written through the store. Then the
 * use case behind GET /categories/{id}/results is timed end to end: the Queries for the category's
 * entries, assignments and (on gsi1) scores, all pages each, in parallel, and computeResults.
 */
async function timeLargeCategoryWithStore(): Promise<{ phases: Phase[]; target: number; median: number }> {
  const phases: Phase[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'laurel-bench-'));
  const stack = await startLocalStack({ dataDir, inMemoryTable: true });
  try {
    const { shape, entryIds, scores } = largeCategory(seededRandom(7));
    const now = new Date();
    const day = 24 * 60 * 60 * 1000;
    const programme = await createProgramme(
      {
        name: 'Bench Awards',
        year: 2026,
        entriesOpenAt: new Date(now.getTime() - 30 * day).toISOString(),
        entriesCloseAt: new Date(now.getTime() - day).toISOString(),
        judgingClosesAt: new Date(now.getTime() + 30 * day).toISOString(),
      },
      now,
    );
    const category = await createCategory(
      programme.programmeId,
      {
        name: 'Large category',
        description: '',
        questions: [{ id: 'summary', prompt: 'Summary', wordLimit: 400, required: true }],
        criteria: shape.criteria.map((c) => ({ ...c, name: c.id })),
        judgesPerEntry: shape.judgesPerEntry,
        shortlistSize: shape.shortlistSize,
        maxEvidenceFiles: 5,
        scoringStarted: true,
      },
      now,
    );
    const at = now.toISOString();
    // A realistic entry carries a few hundred words per answer; the results Query projects them away.
    const answer = 'We joined up urgent care across the patch so that fewer people wait in A&E. '.repeat(25);
    await timed(phases, `write ${entryIds.length} entries (PutItem, 25 in flight)`, async () => {
      for (let i = 0; i < entryIds.length; i += 25) {
        await Promise.all(
          entryIds.slice(i, i + 25).map((entryId) => {
            const entry: Entry = {
              entryId,
              categoryId: category.categoryId,
              programmeId: programme.programmeId,
              orgCode: `O${entryId.slice(1)}`,
              title: `Entry ${entryId}`,
              answers: { summary: answer },
              status: 'submitted',
              version: 2,
              revision: 2,
              createdAt: at,
              createdBy: 'bench',
              updatedAt: at,
              submittedAt: at,
              history: [],
              evidence: {},
            };
            return insertEntry(entry);
          }),
        );
      }
    });
    const items: Score[] = scores.map((score) => ({
      entryId: score.entryId,
      judgeId: score.judgeId,
      categoryId: category.categoryId,
      programmeId: programme.programmeId,
      round: 1,
      scores: { ...score.scores },
      comment: 'A clear case, well evidenced; the spread to other sites is less certain.',
      final: true,
      version: 2,
      createdAt: at,
      updatedAt: at,
      finalisedAt: at,
    }));
    await timed(phases, `write ${items.length} assignments (BatchWrite via the store)`, () =>
      insertAssignments(
        items.map((score) => ({
          entryId: score.entryId,
          judgeId: score.judgeId,
          categoryId: score.categoryId,
          programmeId: score.programmeId,
          round: 1 as const,
          assignedAt: at,
          by: 'auto',
        })),
      ),
    );
    await timed(phases, `write ${items.length} score items (BatchWrite via the store)`, () => insertScores(items));

    const read = await timed(phases, 'Query gsi1: the category’s scores as whole items, all pages (cold)', () =>
      scoresOfCategory(category.categoryId),
    );
    if (read.length !== items.length) throw new Error(`read ${read.length} scores, wrote ${items.length}`);
    await categoryResults(category.categoryId); // warm-up, as a warm Lambda would be
    const runs: number[] = [];
    let ranked = 0;
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      const results = await categoryResults(category.categoryId);
      runs.push(performance.now() - start);
      ranked = results.counts.scored;
    }
    if (ranked !== entryIds.length) throw new Error(`ranked ${ranked} entries, expected ${entryIds.length}`);
    runs.sort((a, b) => a - b);
    phases.push({
      phase: 'results use case: read entries + assignments + scores, computeResults (median of 5)',
      ms: runs[2]!,
    });
    phases.push({ phase: 'results use case, slowest of 5', ms: runs[4]! });
    return { phases, target: 1000, median: runs[2]! };
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- report

function printTable(rows: Record<string, string>[]): void {
  const headers = Object.keys(rows[0]!);
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((row) => row[h]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(headers.map((h) => row[h]!)));
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `Shortlist recovery: ${TRIALS} simulated panels per scenario, ${PANEL.entries} entries, ${PANEL.judges} judges, ` +
      `${PANEL.judgesPerEntry} judges per entry (balanced), shortlist of ${PANEL.shortlistSize}, noise ${NOISE_SD} points per mark.`,
  );
  console.log('Recall = share of the true top entries that the shortlist contains.\n');
  const figures = SCENARIOS.map((scenario, i) => runScenario(scenario, 1000 + i));
  printTable(
    figures.map((f, i) => ({
      scenario: f.scenario,
      'leniency sd': String(SCENARIOS[i]!.leniencySd),
      'stretch sd': String(SCENARIOS[i]!.stretchSd),
      'raw recall': percent(f.rawRecall),
      'normalised recall': percent(f.normalisedRecall),
      'gain (95% CI)': `${(f.gain * 100).toFixed(1)} ± ${(f.gainCi95 * 100).toFixed(1)} pts`,
      'wrong calls flagged': percent(f.wrongCallsFlagged),
      'flagged per panel': f.flaggedPerPanel.toFixed(1),
      'shortlists > k (ties)': String(f.longerShortlists),
    })),
  );
  const typical = figures[1]!;
  console.log(
    `\nNormalised beats raw on the typical panel: ${typical.gain - typical.gainCi95 > 0 ? 'yes' : 'NO'} ` +
      `(+${(typical.gain * 100).toFixed(1)} pts, 95% CI ±${(typical.gainCi95 * 100).toFixed(1)}).`,
  );
  console.log(
    '\n"wrong calls flagged": of the entries the proposed shortlist put on the wrong side of the line, the share marked tooCloseToCall;\n' +
      '"flagged per panel": how many of the ' +
      `${PANEL.entries} entries a panel marks tooCloseToCall on average (the price of that catch).\n`,
  );

  console.log('Time at scale: 2,000 entries × 5 judges per entry × 6 criteria (10,000 final scores, 100 judges)\n');
  const phases = await timeLargeCategory();
  printTable(phases.map((p) => ({ phase: p.phase, ms: p.ms.toFixed(1) })));

  console.log(
    '\nThe same, read from a local table (embedded DynamoDB in memory, through the store and the use case)\n',
  );
  const stored = await timeLargeCategoryWithStore();
  printTable(stored.phases.map((p) => ({ phase: p.phase, ms: p.ms.toFixed(1) })));
  console.log(
    `\nResults with the DynamoDB reads: ${stored.median.toFixed(0)} ms (target ≤ ${stored.target} ms): ` +
      `${stored.median <= stored.target ? 'met' : 'NOT MET'}.`,
  );
  console.log(`\nBenchmark finished in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

await main();
