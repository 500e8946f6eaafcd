import fc from 'fast-check';
import { computeResults, type FinalScore } from '../../../shared/domain/results/compute-results.js';
import {
  csvCell,
  resultsCsv,
  resultsCsvColumns,
  type EntryDetails,
  type ResultsCsvInput,
} from '../../../shared/domain/results/results-csv.js';

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i += 1;
      while (!(text[i] === '"' && text[i + 1] !== '"')) {
        if (i >= text.length) throw new Error('unterminated quote');
        field += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i += 1;
    } else if (text[i] === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (text[i] === '\r' || text[i] === '\n' || text[i] === '"')
        throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
      field += text[i];
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record not ended by CRLF');
  return rows;
}

const criteria = [
  { id: 'impact', weight: 2, maxScore: 10, name: 'Impact' },
  { id: 'reach', weight: 1, maxScore: 5, name: 'Reach, scale' },
];

function csvInput(
  details: Record<string, EntryDetails>,
  scores: (FinalScore & { comment?: string })[],
): ResultsCsvInput {
  const results = computeResults({
    criteria,
    entryIds: Object.keys(details),
    scores,
    shortlistSize: 1,
    bootstrapRounds: 10,
  });
  return { results, criteria, entries: new Map(Object.entries(details)), scores };
}

describe('resultsCsv', () => {
  it('writes a header and one row per entry and judge score, in ranking order, with CRLF line ends', () => {
    // Prepare
    const input = csvInput(
      {
        A: { orgCode: 'RX1', title: 'Virtual wards' },
        B: { orgCode: 'QHM', title: 'Falls' },
        C: { orgCode: 'R0A', title: 'Late' },
      },
      [
        { entryId: 'B', judgeId: 'j-2', scores: { impact: 4, reach: 2 }, comment: 'Fine' },
        { entryId: 'A', judgeId: 'j-1', scores: { impact: 9, reach: 5 }, comment: 'Strong' },
        { entryId: 'A', judgeId: 'j-2', scores: { impact: 8, reach: 4 } },
      ],
    );

    // Act
    const csv = resultsCsv(input);

    // Assess
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([
      'Rank',
      'Entry ID',
      'Org code',
      'Title',
      'Judge',
      'Impact',
      'Reach, scale',
      'Weighted score',
      'Normalised score',
      'Entry normalised score',
      'Tied',
      'Too close to call',
      'Comment',
    ]);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[2], row[4], row[5], row[6], row[7], row[12]])).toEqual([
      ['1', 'A', 'RX1', 'Judge 1', '9', '5', '93.33', 'Strong'],
      ['1', 'A', 'RX1', 'Judge 2', '8', '4', '80', ''],
      ['2', 'B', 'QHM', 'Judge 2', '4', '2', '40', 'Fine'],
      ['', 'C', 'R0A', '', '', '', '', ''],
    ]);
  });

  it('shows the labels the caller passes for judges instead of the numbered defaults', () => {
    // Prepare
    const input = {
      ...csvInput({ A: { orgCode: 'RX1', title: 'T' } }, [
        { entryId: 'A', judgeId: 'j-1', scores: { impact: 1, reach: 1 } },
      ]),
      judgeLabels: new Map([['j-1', 'Dr Aisha Khan']]),
    };

    // Act
    const rows = parseCsv(resultsCsv(input));

    // Assess
    expect(rows[1]![4]).toBe('Dr Aisha Khan');
  });

  it('takes its columns from data, so a caller can choose them', () => {
    // Prepare
    const input = csvInput({ A: { orgCode: 'RX1', title: 'T' } }, [
      { entryId: 'A', judgeId: 'j-1', scores: { impact: 1, reach: 1 } },
    ]);
    const columns = resultsCsvColumns(criteria).filter((column) => ['Entry ID', 'Judge'].includes(column.header));

    // Act
    const csv = resultsCsv(input, columns);

    // Assess
    expect(csv).toBe('Entry ID,Judge\r\nA,Judge 1\r\n');
  });

  it('keeps Unicode intact', () => {
    // Prepare
    const title = 'Gwasanaeth iechyd — Ysbyty Gwynedd · Œdème 🏥 “quotes”';
    const input = csvInput({ A: { orgCode: '7A1', title } }, [
      { entryId: 'A', judgeId: 'j-1', scores: { impact: 1, reach: 1 }, comment: 'Très bien – 优秀' },
    ]);

    // Act
    const rows = parseCsv(resultsCsv(input));

    // Assess
    expect(rows[1]![3]).toBe(title);
    expect(rows[1]![12]).toBe('Très bien – 优秀');
  });

  it('reads back any title and comment exactly, quoting commas, quotes and line breaks', () => {
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    fc.assert(
      fc.property(text, text, (title, comment) => {
        // Prepare
        const input = csvInput({ A: { orgCode: 'RX1', title } }, [
          { entryId: 'A', judgeId: 'j-1', scores: { impact: 1, reach: 1 }, comment },
        ]);
        const guarded = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

        // Act
        const rows = parseCsv(resultsCsv(input));

        // Assess
        expect(rows[1]![3]).toBe(guarded(title));
        expect(rows[1]![12]).toBe(guarded(comment));
      }),
    );
  });
});

describe('csvCell', () => {
  it.each(['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\r=1'])(
    'stops a spreadsheet running %j as a formula',
    (value) => {
      // Act
      const cell = csvCell(value);

      // Assess
      expect(parseCsv(`${cell}\r\n`)[0]![0]).toBe(`'${value}`);
    },
  );

  it('doubles quotes inside a quoted field', () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
  });

  it('leaves plain text and figures computed here as they are, a negative figure included', () => {
    expect(csvCell('Virtual wards')).toBe('Virtual wards');
    expect(csvCell(-3.25)).toBe('-3.25');
    expect(csvCell(null)).toBe('');
  });
});
