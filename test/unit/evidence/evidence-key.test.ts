import fc from 'fast-check';
import { ulid } from 'ulidx';
import { InvalidError } from '../../../shared/domain/errors.js';
import {
  evidenceKey,
  MAX_SAFE_NAME_LENGTH,
  parseEvidenceKey,
  safeFileName,
} from '../../../shared/evidence/evidence-key.js';

/** How S3 encodes keys in event notifications: form encoding, `+` for a space. */
function s3EventEncoding(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+');
}

/** File names as people and attackers write them: accents, scripts, separators, dots, escapes. */
const awkwardNames = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom(
      '.',
      '/',
      '\\',
      '%',
      '+',
      ' ',
      '-',
      '_',
      'a',
      'É',
      'é',
      '日',
      'ﬁ',
      '／',
      '‥',
      '․',
      '\0',
      '\n',
    ),
    maxLength: 150,
  }),
  fc
    .tuple(fc.string({ maxLength: 200 }), fc.constantFrom('.pdf', '.PDF', '.docx', '.tar.gz', '.', ''))
    .map(([stem, extension]) => stem + extension),
);

const ids = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  fc.constant(null).map(() => ulid()),
);

describe('safeFileName', () => {
  it.each([
    ['Annual report 2024.pdf', 'Annual-report-2024.pdf'],
    ['Résumé – final.docx', 'Resume-final.docx'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\fakepath\\Board paper.pptx', 'Board-paper.pptx'],
    ['日本語.pdf', 'file.pdf'],
    ['.env', 'file.env'],
    ['...', 'file'],
    ['', 'file'],
    ['a‥b.pdf', 'a-b.pdf'],
    ['%2e%2e%2fsecret.pdf', '2e-2e-2fsecret.pdf'],
    ['report.final.v2.xlsx', 'report.final.v2.xlsx'],
    ['data.tar.gz', 'data.tar.gz'],
    ['photo.jpeg ', 'photo.jpeg'],
  ])('turns %j into %j', (name, expected) => {
    // Act
    const safe = safeFileName(name);

    // Assess
    expect(safe).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    // Prepare
    const name = `${'Quality improvement programme '.repeat(10)}.pptx`;

    // Act
    const safe = safeFileName(name);

    // Assess
    expect(safe).toHaveLength(MAX_SAFE_NAME_LENGTH);
    expect(safe.endsWith('.pptx')).toBe(true);
  });

  it('returns only letters, digits, ".", "_" and "-", never empty, never starting with a separator', () => {
    fc.assert(
      fc.property(awkwardNames, (name) => {
        expect(safeFileName(name)).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
      }),
    );
  });

  it('never returns "..", "/", "%", "+" or a space, nor more than the maximum length', () => {
    fc.assert(
      fc.property(awkwardNames, (name) => {
        const safe = safeFileName(name);
        for (const banned of ['..', '/', '%', '+', ' ']) expect(safe).not.toContain(banned);
        expect(safe.length).toBeLessThanOrEqual(MAX_SAFE_NAME_LENGTH);
      }),
    );
  });

  it('changes nothing when applied twice', () => {
    // Found by this property: trimming the trailing dot exposes an extension on the second pass.
    expect(safeFileName(safeFileName('é_.a.'))).toBe(safeFileName('é_.a.'));
    fc.assert(
      fc.property(awkwardNames, (name) => {
        expect(safeFileName(safeFileName(name))).toBe(safeFileName(name));
      }),
    );
  });

  it('keeps a plain extension whatever comes before it', () => {
    fc.assert(
      fc.property(awkwardNames, fc.stringMatching(/^[A-Za-z0-9]{1,10}$/), (stem, extension) => {
        expect(safeFileName(`${stem}.${extension}`).endsWith(`.${extension}`)).toBe(true);
      }),
    );
  });
});

describe('evidenceKey', () => {
  it('puts the file under its entry and evidence ids', () => {
    // Act
    const key = evidenceKey('01JENTRY', '01JEVIDENCE', 'Patient flow audit.pdf');

    // Assess
    expect(key).toBe('entries/01JENTRY/01JEVIDENCE/Patient-flow-audit.pdf');
  });

  it.each([
    ['an entry id that climbs a folder', '../other', '01JEVIDENCE'],
    ['an entry id with a slash', 'a/b', '01JEVIDENCE'],
    ['an empty evidence id', '01JENTRY', ''],
    ['an evidence id with a percent sign', '01JENTRY', 'a%2Fb'],
  ])('refuses %s', (_name, entryId, evidenceId) => {
    // Act
    const act = () => evidenceKey(entryId, evidenceId, 'x.pdf');

    // Assess
    expect(act).toThrow(InvalidError);
  });
});

describe('parseEvidenceKey', () => {
  it('reads back the ids from any key evidenceKey makes, delivered raw', () => {
    fc.assert(
      fc.property(ids, ids, awkwardNames, (entryId, evidenceId, name) => {
        // Prepare
        const key = evidenceKey(entryId, evidenceId, name);

        // Act
        const parsed = parseEvidenceKey(key);

        // Assess
        expect(parsed).toEqual({ entryId, evidenceId, key });
      }),
    );
  });

  it('reads back the ids from any key evidenceKey makes, delivered URL-encoded as S3 events carry it', () => {
    fc.assert(
      fc.property(ids, ids, awkwardNames, (entryId, evidenceId, name) => {
        // Prepare
        const key = evidenceKey(entryId, evidenceId, name);

        // Act
        const parsed = parseEvidenceKey(s3EventEncoding(key));

        // Assess
        expect(parsed).toEqual({ entryId, evidenceId, key });
      }),
    );
  });

  it('decodes "+" and %XX escapes in an event key', () => {
    // Act
    const parsed = parseEvidenceKey('entries%2F01JENTRY%2F01JEVIDENCE%2Freport%2Efinal.pdf');

    // Assess
    expect(parsed).toEqual({
      entryId: '01JENTRY',
      evidenceId: '01JEVIDENCE',
      key: 'entries/01JENTRY/01JEVIDENCE/report.final.pdf',
    });
  });

  it.each([
    ['a key outside entries/', 'uploads/01JENTRY/01JEVIDENCE/x.pdf'],
    ['a key with no file name', 'entries/01JENTRY/01JEVIDENCE'],
    ['a key with an extra folder', 'entries/01JENTRY/01JEVIDENCE/more/x.pdf'],
    ['a key that climbs a folder', 'entries/01JENTRY/../x.pdf'],
    ['a file name that is ".."', 'entries/01JENTRY/01JEVIDENCE/..'],
    ['an encoded slash that adds a folder', 'entries/01JENTRY/01JEVIDENCE/a%2Fb.pdf'],
    ['a space in the name (never in a safe name)', 'entries/01JENTRY/01JEVIDENCE/a+b.pdf'],
    ['a malformed escape', 'entries/01JENTRY/01JEVIDENCE/%E0%A4%A.pdf'],
    ['an empty key', ''],
  ])('refuses %s', (_name, key) => {
    // Act
    const parsed = parseEvidenceKey(key);

    // Assess
    expect(parsed).toBeNull();
  });
});
