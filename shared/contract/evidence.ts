import * as z from 'zod';
import { EvidenceContentTypeSchema, EvidenceSizeSchema } from '../evidence/evidence-types.js';
import { requiredText, Ulid } from './common.js';

/** What an entrant declares before uploading; the presigned POST and the upload check hold them to it. */
export const RequestEvidenceUploadBody = z
  .strictObject({
    fileName: requiredText(255).describe("The file's own name, kept for display and download"),
    contentType: EvidenceContentTypeSchema,
    size: EvidenceSizeSchema.describe('Exact size in bytes (1 to 25 MiB)'),
  })
  .meta({ id: 'RequestEvidenceUpload' });

export const EvidenceParams = z.strictObject({ entryId: Ulid, evidenceId: Ulid });
