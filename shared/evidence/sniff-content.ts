/**
 * Checks that an uploaded file's first bytes agree with the content type the entrant declared. The
 * presigned POST pins the Content-Type header, not what the bytes are, so a renamed executable or web
 * page would otherwise be handed to judges as a "PDF".
 */
import { EVIDENCE_TYPE_DETAILS, isEvidenceContentType, type EvidenceContentType } from './evidence-types.js';

/** How many leading bytes of an upload to read and pass to {@link matchesDeclaredType}: 8 KiB. */
export const SNIFF_BYTES = 8 * 1024;

/** The verdict on a file's first bytes, with a reason a person can act on when it is refused. */
export type SniffResult = { ok: true } | { ok: false; reason: string };

type Family = 'pdf' | 'png' | 'jpeg' | 'ole2' | 'zip';

const EXPECTED_FAMILY: Record<EvidenceContentType, Family> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'application/msword': 'ole2',
  'application/vnd.ms-powerpoint': 'ole2',
  'application/vnd.ms-excel': 'ole2',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'zip',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'zip',
};

/**
 * Magic numbers: the evidence families first, then what people rename by mistake or on purpose. A PDF
 * must open with `%PDF-` at byte 0; readers tolerate junk before it, which is how PDF polyglots are made.
 */
const SIGNATURES: { magic: number[]; label: string; family?: Family }[] = [
  { magic: ascii('%PDF-'), label: 'a PDF document', family: 'pdf' },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], label: 'a PNG image', family: 'png' },
  { magic: [0xff, 0xd8, 0xff], label: 'a JPEG image', family: 'jpeg' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], label: 'a legacy Office (OLE2) file', family: 'ole2' },
  { magic: ascii('PK\x03\x04'), label: 'a ZIP archive', family: 'zip' },
  { magic: ascii('MZ'), label: 'a Windows executable' },
  { magic: ascii('\x7fELF'), label: 'a Linux (ELF) executable' },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], label: 'a macOS executable' },
  { magic: [0xce, 0xfa, 0xed, 0xfe], label: 'a macOS executable' },
  { magic: [0xca, 0xfe, 0xba, 0xbe], label: 'a macOS executable or Java class file' },
  { magic: ascii('#!'), label: 'a script' },
  { magic: ascii('{\\rtf'), label: 'an RTF document' },
  { magic: ascii('GIF8'), label: 'a GIF image' },
  { magic: [0x1f, 0x8b], label: 'a gzip archive' },
  { magic: ascii('Rar!'), label: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], label: 'a 7-Zip archive' },
];

/** Tags a browser would render as a web page (after the WHATWG sniffing list), checked without case. */
const HTML_OPENINGS = ['<!doctype html', '<html', '<head', '<body', '<script', '<iframe', '<style', '<title', '<!--'];

/** The OOXML folder that holds each kind's main part, e.g. `word/document.xml`. */
const OOXML_FOLDERS: Partial<Record<EvidenceContentType, string>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word/',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'ppt/',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xl/',
};

/** The stream that holds each legacy Office kind's content, as named in the OLE2 directory. */
const OLE2_STREAMS: Partial<Record<EvidenceContentType, string[]>> = {
  'application/msword': ['WordDocument'],
  'application/vnd.ms-powerpoint': ['PowerPoint Document'],
  'application/vnd.ms-excel': ['Workbook', 'Book'],
};

/**
 * Decides whether `firstBytes` (the first {@link SNIFF_BYTES} of the object, or all of it if shorter)
 * begin like a file of the declared content type. Anything not on the evidence allow-list is refused.
 */
export function matchesDeclaredType(contentType: string, firstBytes: Uint8Array): SniffResult {
  const declared = contentType.split(';')[0]!.trim().toLowerCase();
  if (!isEvidenceContentType(declared)) return refuse(`${contentType} is not an allowed evidence type`);
  if (firstBytes.length === 0) return refuse('the file is empty');
  const bytes = firstBytes.subarray(0, SNIFF_BYTES);
  const expected = EXPECTED_FAMILY[declared];
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.magic));
  if (signature?.family !== expected) {
    const looksLike = signature?.label ?? textLabel(bytes);
    return refuse(
      looksLike
        ? `declared ${declared} but the file starts like ${looksLike}`
        : `declared ${declared} but the file does not start like ${article(declared)}`,
    );
  }
  if (expected === 'ole2') return checkOle2(declared, bytes);
  if (expected === 'zip') return checkOoxml(declared, bytes);
  return { ok: true };
}

/**
 * A .doc, .ppt and .xls share one container, told apart by the stream names in its directory. Office
 * often writes the directory near the end of the file, beyond what we read, so a container whose
 * directory is out of sight is accepted on its signature; one whose directory shows another kind, or
 * an encrypted package (a password-protected .docx/.xlsx/.pptx), is refused.
 */
function checkOle2(declared: EvidenceContentType, bytes: Uint8Array): SniffResult {
  const names = ole2DirectoryNames(bytes);
  if (names.includes('EncryptedPackage')) return refuse('the file is password-protected; upload it without a password');
  if ((OLE2_STREAMS[declared] ?? []).some((n) => names.includes(n))) return { ok: true };
  for (const [other, streams] of Object.entries(OLE2_STREAMS)) {
    if (streams.some((n) => names.includes(n))) {
      return refuse(`declared ${declared} but the file is ${article(other as EvidenceContentType)} (legacy format)`);
    }
  }
  return { ok: true };
}

/**
 * An OOXML file is a ZIP whose part names say what it is (`word/`, `ppt/`, `xl/`). Office writes
 * `[Content_Types].xml` first and the main part soon after, so they are normally inside the window.
 * When the window ends before any main part (a large first entry such as a thumbnail), a ZIP that
 * carries `[Content_Types].xml` is accepted: refusing it would turn away real documents written by
 * other tools, and the cost is that a .pptx declared as .docx, say, can slip through in that case —
 * still an Office package, saved under an Office extension. A ZIP with neither is refused.
 */
function checkOoxml(declared: EvidenceContentType, bytes: Uint8Array): SniffResult {
  const names = zipEntryNames(bytes);
  if (names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) {
    return refuse('the file contains macros, which are not accepted; save it without macros');
  }
  if (names.some((n) => n.startsWith(OOXML_FOLDERS[declared]!))) return { ok: true };
  for (const [other, folder] of Object.entries(OOXML_FOLDERS)) {
    if (names.some((n) => n.startsWith(folder))) {
      return refuse(`declared ${declared} but the file is ${article(other as EvidenceContentType)}`);
    }
  }
  if (names.includes('[Content_Types].xml')) return { ok: true };
  return refuse(`declared ${declared} but the file is a ZIP archive, not an Office document`);
}

/** Names of the entries whose local headers fall inside the window. */
function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = ascii('PK\x03\x04');
  // Scanning for each header (rather than hopping by compressed size) also finds entries written with a
  // trailing data descriptor, whose sizes are zero in the local header.
  for (let at = 0; at + 30 <= bytes.length; at++) {
    if (!signature.every((b, i) => bytes[at + i] === b)) continue;
    const nameLength = view.getUint16(at + 26, true);
    if (at + 30 + nameLength > bytes.length) break;
    names.push(new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength)));
  }
  return names;
}

/**
 * Names in the OLE2 directory entries inside the window. Entries are 128 bytes, aligned to 128 after
 * the 512-byte header: a UTF-16LE name, its byte length at +64 and the entry type at +66 (1 storage,
 * 2 stream, 5 root). Reading whole entries, not searching for text, keeps a document that merely
 * mentions "Workbook" from being mistaken for a spreadsheet.
 */
function ole2DirectoryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const byteLength = view.getUint16(at + 64, true);
    const type = bytes[at + 66]!;
    if (![1, 2, 5].includes(type) || byteLength < 4 || byteLength > 64 || byteLength % 2 !== 0) continue;
    if (view.getUint16(at + byteLength - 2, true) !== 0) continue;
    names.push(new TextDecoder('utf-16le').decode(bytes.subarray(at, at + byteLength - 2)));
  }
  return names;
}

/** What a text file looks like, when it is one a browser would run or render. */
function textLabel(bytes: Uint8Array): string | undefined {
  const withoutBom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  const text = new TextDecoder('latin1').decode(withoutBom.subarray(0, 512)).trimStart().toLowerCase();
  if (HTML_OPENINGS.some((tag) => text.startsWith(tag))) return 'an HTML page';
  if (text.startsWith('<?xml') || text.startsWith('<svg')) return 'an XML or SVG document';
  return undefined;
}

function article(contentType: EvidenceContentType): string {
  const label = EVIDENCE_TYPE_DETAILS[contentType].label;
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function refuse(reason: string): SniffResult {
  return { ok: false, reason };
}
