import { proposedShortlist } from '../../domain/results/compute-results.js';
import { resultsCsv } from '../../domain/results/results-csv.js';
import { judgedCategory } from './judged-category.js';

/**
 * A category's results for organisers: the ranking (raw and normalised scores, judge count, spread,
 * ties, confidence) with each entry's title, organisation and status, and the proposed shortlist.
 */
export async function categoryResults(categoryId: string) {
  const { category, entries, finalScores, results } = await judgedCategory(categoryId);
  const byId = new Map(entries.map((entry) => [entry.entryId, entry]));
  return {
    categoryId: category.categoryId,
    round: 1,
    method: results.method,
    shortlistSize: results.shortlistSize,
    proposedShortlist: proposedShortlist(results),
    boundaryTie: results.boundaryTie,
    pool: results.pool,
    bootstrap: results.bootstrap,
    counts: {
      entries: entries.length,
      scored: results.ranking.filter((ranked) => ranked.rank !== null).length,
      finalScores: finalScores.length,
    },
    ranking: results.ranking.map((ranked) => {
      const entry = byId.get(ranked.entryId);
      return { ...ranked, title: entry?.title ?? '', orgCode: entry?.orgCode ?? '', status: entry?.status };
    }),
  };
}

/** Excel opens a CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * The results as CSV, one row per entry and judge, for organisers. Judges appear as "Judge 1",
 * "Judge 2"… (numbered in a fixed order), never by id.
 */
export async function categoryResultsCsv(categoryId: string): Promise<{ fileName: string; csv: string }> {
  const { category, entries, finalScores, results } = await judgedCategory(categoryId);
  const csv = resultsCsv({
    results,
    criteria: category.criteria,
    entries: new Map(entries.map((entry) => [entry.entryId, { orgCode: entry.orgCode, title: entry.title }])),
    scores: finalScores,
  });
  return { fileName: `results-${category.categoryId}.csv`, csv: BOM + csv };
}
