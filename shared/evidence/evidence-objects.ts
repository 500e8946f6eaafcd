/**
 * The evidence bucket's objects as the upload check sees them: what S3 says about one (HEAD), its
 * first bytes (a ranged GET) and its removal. Keys are the exact keys on the evidence items.
 */
import { config } from '../config.js';
import type { StoredObject } from '../domain/entries/evidence-rules.js';
import { s3 } from '../store/clients.js';

/** S3 answers a missing key with NotFound (HEAD) or NoSuchKey (GET). */
function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

/** Size, ETag, time and stored Content-Type of an object; undefined when there is none. */
export async function headEvidenceObject(key: string): Promise<StoredObject | undefined> {
  try {
    const out = await s3().headObject({ bucket: config().BUCKET_NAME, key });
    return {
      size: out.contentLength,
      etag: out.etag,
      lastModified: out.lastModified,
      ...(out.contentType ? { contentType: out.contentType } : {}),
    };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/**
 * The first `count` bytes of an object (all of it when shorter), or undefined when it is gone. With
 * `etag`, S3 answers only if the object is still the one the HEAD saw (412 otherwise, thrown so the
 * event is retried), so the bytes checked belong to the size checked.
 */
export async function readLeadingBytes(key: string, count: number, etag?: string): Promise<Uint8Array | undefined> {
  try {
    const out = await s3().getObject({
      bucket: config().BUCKET_NAME,
      key,
      range: `bytes=0-${count - 1}`,
      ...(etag ? { ifMatch: etag } : {}),
    });
    return out.body.subarray(0, count);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Deletes an object; deleting one that is not there succeeds, so a repeat is harmless. */
export async function deleteEvidenceObject(key: string): Promise<void> {
  await s3().deleteObject({ bucket: config().BUCKET_NAME, key });
}
