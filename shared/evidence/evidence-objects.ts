/**
 * The evidence bucket's objects as the upload check sees them: what S3 says about one (HEAD), its
 * first bytes (a ranged GET) and its removal. Keys are the exact keys on the evidence items.
 */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
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
    const out = await s3().send(new HeadObjectCommand({ Bucket: config().BUCKET_NAME, Key: key }));
    return {
      size: out.ContentLength ?? 0,
      etag: out.ETag ?? '',
      lastModified: out.LastModified ?? new Date(),
      ...(out.ContentType ? { contentType: out.ContentType } : {}),
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
    const out = await s3().send(
      new GetObjectCommand({
        Bucket: config().BUCKET_NAME,
        Key: key,
        Range: `bytes=0-${count - 1}`,
        ...(etag ? { IfMatch: etag } : {}),
      }),
    );
    const bytes = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
    return bytes.subarray(0, count);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Deletes an object; deleting one that is not there succeeds, so a repeat is harmless. */
export async function deleteEvidenceObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: config().BUCKET_NAME, Key: key }));
}
