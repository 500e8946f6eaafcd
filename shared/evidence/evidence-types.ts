/**
 * What an entrant may upload as evidence: the allow-list of content types and the size cap (api.md, Evidence).
 */
import * as z from 'zod';

/** The largest evidence file accepted: 25 MiB. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

/** Every content type an evidence file may declare, exactly as S3 will store it. */
export const EVIDENCE_CONTENT_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/png',
  'image/jpeg',
] as const;

/** One of the allowed evidence content types. */
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

/** Validates a declared content type in a request body. */
export const EvidenceContentTypeSchema = z.enum(EVIDENCE_CONTENT_TYPES);

/** Validates a declared size in bytes: at least one byte, at most {@link MAX_EVIDENCE_BYTES}. */
export const EvidenceSizeSchema = z.number().int().min(1).max(MAX_EVIDENCE_BYTES);

/** How a person names each type, and the file name extensions that go with it. */
export const EVIDENCE_TYPE_DETAILS: Record<EvidenceContentType, { label: string; extensions: readonly string[] }> = {
  'application/pdf': { label: 'PDF document', extensions: ['pdf'] },
  'application/msword': { label: 'Word document', extensions: ['doc'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word document',
    extensions: ['docx'],
  },
  'application/vnd.ms-powerpoint': { label: 'PowerPoint presentation', extensions: ['ppt'] },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    label: 'PowerPoint presentation',
    extensions: ['pptx'],
  },
  'application/vnd.ms-excel': { label: 'Excel workbook', extensions: ['xls'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'Excel workbook',
    extensions: ['xlsx'],
  },
  'image/png': { label: 'PNG image', extensions: ['png'] },
  'image/jpeg': { label: 'JPEG image', extensions: ['jpg', 'jpeg'] },
};

/** True when `value` is exactly one of the allowed evidence content types. */
export function isEvidenceContentType(value: string): value is EvidenceContentType {
  return (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(value);
}

/**
 * True when the file name ends with an extension that goes with the content type (case-insensitive).
 * A download is saved under the entrant's file name, and the reader's computer opens it by extension,
 * so a name that disagrees with the checked content ("minutes.exe" holding a PDF) is worth refusing.
 */
export function hasExpectedExtension(fileName: string, contentType: EvidenceContentType): boolean {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return false;
  const extension = fileName.slice(dot + 1).toLowerCase();
  return EVIDENCE_TYPE_DETAILS[contentType].extensions.includes(extension);
}
