import type { FinalScore, JudgeScore, RankedEntry, Results } from './compute-results.js';
import { compareIds } from './rank-entries.js';

/** What the CSV shows about an entry besides its scores. */
export interface EntryDetails {
  orgCode: string;
  title: string;
}

export interface ResultsCsvInput {
  results: Results;
  /** In column order; `name` is the column header. */
  criteria: readonly { id: string; name: string }[];
  entries: ReadonlyMap<string, EntryDetails>;
  /** The same final scores the results were computed from, with the judges' comments. */
  scores: readonly (FinalScore & { comment?: string })[];
  /** How each judge is shown; a judge not in the map is "Judge 1", "Judge 2"… in judge-id order. */
  judgeLabels?: ReadonlyMap<string, string>;
}

/** One line of the CSV: an entry and one judge's score of it (no judge for an entry nobody scored). */
export interface ResultsCsvRow {
  entry: RankedEntry;
  details: EntryDetails | undefined;
  judge: JudgeScore | undefined;
  judgeLabel: string;
  marks: Readonly<Record<string, number>>;
  comment: string;
}

/** A cell is text (guarded against formula injection) or a figure computed here (written as is). */
export type CsvCell = string | number | null;

export interface ResultsCsvColumn {
  header: string;
  cell: (row: ResultsCsvRow) => CsvCell;
}

/**
 * The default columns. Data, not code: the HTTP layer may add (say, the judge's name for organisers)
 * or drop columns and pass its own list to {@link resultsCsv}.
 */
export function resultsCsvColumns(criteria: readonly { id: string; name: string }[]): ResultsCsvColumn[] {
  return [
    { header: 'Rank', cell: (row) => row.entry.rank },
    { header: 'Entry ID', cell: (row) => row.entry.entryId },
    { header: 'Org code', cell: (row) => row.details?.orgCode ?? '' },
    { header: 'Title', cell: (row) => row.details?.title ?? '' },
    { header: 'Judge', cell: (row) => row.judgeLabel },
    ...criteria.map((criterion) => ({
      header: criterion.name,
      cell: (row: ResultsCsvRow) => row.marks[criterion.id] ?? null,
    })),
    { header: 'Weighted score', cell: (row) => figure(row.judge?.weightedScore) },
    { header: 'Normalised score', cell: (row) => figure(row.judge?.normalisedScore) },
    { header: 'Entry normalised score', cell: (row) => figure(row.entry.normalisedScore) },
    { header: 'Tied', cell: (row) => (row.entry.tied ? 'yes' : 'no') },
    { header: 'Too close to call', cell: (row) => (row.entry.tooCloseToCall ? 'yes' : 'no') },
    { header: 'Comment', cell: (row) => row.comment },
  ];
}

/**
 * The results as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line
 * break, quotes doubled), one row per entry and judge score, in ranking order; an entry with no final
 * score gets one row with the judge columns empty. Unicode is kept as it is.
 */
export function resultsCsv(input: ResultsCsvInput, columns = resultsCsvColumns(input.criteria)): string {
  const labels = judgeLabels(input);
  const scoreOf = new Map(input.scores.map((score) => [pairKey(score.entryId, score.judgeId), score]));
  const rows: ResultsCsvRow[] = input.results.ranking.flatMap((entry): ResultsCsvRow[] => {
    const details = input.entries.get(entry.entryId);
    if (entry.judges.length === 0)
      return [{ entry, details, judge: undefined, judgeLabel: '', marks: {}, comment: '' }];
    // entry.judges is in judge-id order, the order the default labels are numbered in.
    return entry.judges.map((judge) => {
      const score = scoreOf.get(pairKey(entry.entryId, judge.judgeId));
      return {
        entry,
        details,
        judge,
        judgeLabel: labels.get(judge.judgeId)!,
        marks: score?.scores ?? {},
        comment: score?.comment ?? '',
      };
    });
  });
  const lines = [
    columns.map((column) => csvCell(column.header)),
    ...rows.map((row) => columns.map((column) => csvCell(column.cell(row)))),
  ];
  return lines.map((line) => `${line.join(',')}\r\n`).join('');
}

/** Characters that make a spreadsheet read a cell as a formula (or hide one after a tab or return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (starts with = + - @, tab or carriage
 * return) is prefixed with `'` so it shows as text: entry titles and comments come from users. Numbers
 * computed here are not guarded, so a negative figure stays a number.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function judgeLabels(input: ResultsCsvInput): Map<string, string> {
  const judgeIds = [...new Set(input.results.ranking.flatMap((entry) => entry.judges.map((judge) => judge.judgeId)))];
  judgeIds.sort(compareIds);
  return new Map(judgeIds.map((judgeId, i) => [judgeId, input.judgeLabels?.get(judgeId) ?? `Judge ${i + 1}`]));
}

/** Two decimals are finer than any judge's intent; more would suggest a precision the marks lack. */
function figure(value: number | undefined | null): number | null {
  return value === undefined || value === null ? null : Math.round(value * 100) / 100;
}

function pairKey(entryId: string, judgeId: string): string {
  return JSON.stringify([entryId, judgeId]);
}
