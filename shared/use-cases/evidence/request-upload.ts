import { config } from '../../config.js';
import { assertOwnsEntry } from '../../domain/entries/entry-access.js';
import { grantEvidence, type EvidenceDeclaration } from '../../domain/entries/evidence-rules.js';
import type { Category } from '../../domain/categories.js';
import { newId } from '../../domain/ids.js';
import type { SignedIn } from '../../domain/principal.js';
import { evidenceKey } from '../../evidence/evidence-key.js';
import { createUploadPost, UPLOAD_WINDOW_SECONDS } from '../../evidence/upload-policy.js';
import { s3 } from '../../store/clients.js';
import { updateEntry } from '../entries/update-entry.js';
import { getCategory } from '../programmes.js';

/**
 * Many uploads are often requested at once for one entry, and each is a write of that entry: more
 * rounds than the default, with jittered pauses, so racing requests settle instead of answering 503.
 */
const RACE_OPTIONS = { attempts: 25, backoffMs: 10 } as const;

/**
 * Grants one evidence upload on a draft the caller's organisation owns: records a pending item on the
 * entry (one conditional write, so racing requests cannot exceed the category's file limit) and
 * returns a presigned POST for exactly its key, declared type and at most its declared size.
 */
export async function requestEvidenceUpload(
  principal: SignedIn,
  entryId: string,
  declaration: EvidenceDeclaration,
  now: Date,
): Promise<{ evidenceId: string; upload: { url: string; fields: Record<string, string> }; expiresAt: string }> {
  const evidenceId = newId(now);
  const key = evidenceKey(entryId, evidenceId, declaration.fileName);
  // Signing is local and sends nothing; signing first lets the item carry the policy's own expiry.
  const post = await createUploadPost(s3(), {
    bucket: config().BUCKET_NAME,
    key,
    contentType: declaration.contentType,
    size: declaration.size,
    expiresInSeconds: UPLOAD_WINDOW_SECONDS,
  });
  let category: Category | undefined;
  await updateEntry(
    entryId,
    async (entry) => {
      assertOwnsEntry(principal, entry);
      category ??= await getCategory(entry.categoryId);
      return grantEvidence(entry, category, { ...declaration, evidenceId, key, uploadExpiresAt: post.expiresAt }, now);
    },
    RACE_OPTIONS,
  );
  return { evidenceId, upload: { url: post.url, fields: post.fields }, expiresAt: post.expiresAt };
}
