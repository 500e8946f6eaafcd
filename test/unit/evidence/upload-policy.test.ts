import { createHmac } from 'node:crypto';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { InvalidError, TooLargeError } from '../../../shared/domain/errors.js';
import { evidenceKey } from '../../../shared/evidence/evidence-key.js';
import { MAX_EVIDENCE_BYTES } from '../../../shared/evidence/evidence-types.js';
import { createUploadPost, UPLOAD_WINDOW_SECONDS } from '../../../shared/evidence/upload-policy.js';
import { atClock, CREDENTIALS, PLACES, s3Twins } from '../../support/s3-twins.js';

const s3 = s3Twins(
  { region: 'eu-west-2', endpoint: 'http://127.0.0.1:4569' },
  { accessKeyId: 'test', secretAccessKey: 'test' },
).ours;

const BUCKET = 'laurel-evidence';
const KEY = evidenceKey('01JENTRY0000000000000000AA', '01JEVIDENCE00000000000000B', 'Ward round audit.pdf');
const PDF = 'application/pdf';

type Condition = Record<string, string> | [string, string | number, string | number];

/** The policy S3 would evaluate: base64 JSON in the `Policy` field. */
function decodePolicy(fields: Record<string, string>): { expiration: string; conditions: Condition[] } {
  return JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8'));
}

/** SigV4 signature of the policy, computed independently of the SDK. */
function expectedSignature(policy: string, shortDate: string): string {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = ['eu-west-2', 's3', 'aws4_request'].reduce<Buffer>(hmac, hmac('AWS4test', shortDate));
  return createHmac('sha256', signingKey).update(policy).digest('hex');
}

describe('createUploadPost', () => {
  it('signs a policy with exactly the bucket, the exact key, the content type and a 1..size length range', async () => {
    // Act
    const post = await createUploadPost(s3, { bucket: BUCKET, key: KEY, contentType: PDF, size: 5000 });

    // Assess
    const { conditions } = decodePolicy(post.fields);
    expect(conditions).toHaveLength(8);
    expect(conditions).toEqual(
      expect.arrayContaining([
        { bucket: BUCKET },
        { key: KEY },
        { 'Content-Type': PDF },
        ['eq', '$Content-Type', PDF],
        ['content-length-range', 1, 5000],
        { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
        { 'X-Amz-Credential': post.fields['X-Amz-Credential'] },
        { 'X-Amz-Date': post.fields['X-Amz-Date'] },
      ]),
    );
  });

  it('never lets the client choose its own key with a starts-with condition', async () => {
    // Act
    const post = await createUploadPost(s3, { bucket: BUCKET, key: KEY, contentType: PDF, size: 5000 });

    // Assess
    const conditions = decodePolicy(post.fields).conditions;
    expect(conditions.filter((c) => Array.isArray(c) && c[0] === 'starts-with')).toEqual([]);
  });

  it('covers every form field the client must send with a condition, as S3 requires', async () => {
    // Act
    const post = await createUploadPost(s3, { bucket: BUCKET, key: KEY, contentType: PDF, size: 5000 });

    // Assess
    const conditions = decodePolicy(post.fields).conditions;
    const signed = Object.entries(post.fields).filter(([name]) => name !== 'Policy' && name !== 'X-Amz-Signature');
    for (const [name, value] of signed) expect(conditions).toContainEqual({ [name]: value });
    expect(post.fields.key).toBe(KEY);
    expect(post.fields['Content-Type']).toBe(PDF);
  });

  it('expires within ten minutes, by default after the five-minute upload window', async () => {
    // Prepare
    const before = Date.now();

    // Act
    const post = await createUploadPost(s3, { bucket: BUCKET, key: KEY, contentType: PDF, size: 5000 });

    // Assess
    const expiration = Date.parse(decodePolicy(post.fields).expiration);
    expect(expiration).toBeLessThanOrEqual(Date.now() + 10 * 60 * 1000);
    expect(expiration).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + UPLOAD_WINDOW_SECONDS * 1000);
    expect(expiration).toBeLessThanOrEqual(Date.now() + UPLOAD_WINDOW_SECONDS * 1000);
    expect(post.expiresAt).toBe(new Date(expiration).toISOString());
  });

  it('signs the policy with the client credentials so S3 can verify it', async () => {
    // Act
    const post = await createUploadPost(s3, { bucket: BUCKET, key: KEY, contentType: PDF, size: 5000 });

    // Assess
    const shortDate = post.fields['X-Amz-Date']!.slice(0, 8);
    expect(post.fields['X-Amz-Signature']).toBe(expectedSignature(post.fields.Policy!, shortDate));
    expect(post.url).toBe(`http://127.0.0.1:4569/${BUCKET}`);
  });

  it.each(PLACES.flatMap((place) => CREDENTIALS.map((credentials) => [place, credentials] as const)))(
    'makes byte for byte the POST the SDK createPresignedPost makes for the same upload and time (%j)',
    async (place, credentials) => {
      // Prepare
      const { sdk, ours } = s3Twins(place, credentials);
      const now = Date.parse('2026-11-23T10:15:30.750Z');

      // Act
      const post = await createUploadPost(ours, {
        bucket: BUCKET,
        key: KEY,
        contentType: PDF,
        size: 5000,
        now: new Date(now),
      });
      const expected = await atClock(now, () =>
        createPresignedPost(sdk, {
          Bucket: BUCKET,
          Key: KEY,
          Fields: { 'Content-Type': PDF },
          Conditions: [
            ['eq', '$Content-Type', PDF],
            ['content-length-range', 1, 5000],
          ],
          Expires: UPLOAD_WINDOW_SECONDS,
        }),
      );

      // Assess: the same URL, and the same fields in the same order (Policy and X-Amz-Signature included).
      expect(JSON.stringify({ url: post.url, fields: post.fields })).toBe(JSON.stringify(expected));
      expect(post.expiresAt).toBe('2026-11-23T10:20:30.000Z');
    },
  );

  it('refuses an upload window longer than ten minutes', async () => {
    // Act
    const act = createUploadPost(s3, { bucket: BUCKET, key: KEY, contentType: PDF, size: 5000, expiresInSeconds: 601 });

    // Assess
    await expect(act).rejects.toThrow(RangeError);
  });

  it('refuses a content type off the allow-list', async () => {
    // Act
    const act = createUploadPost(s3, { bucket: BUCKET, key: KEY, contentType: 'text/html', size: 5000 });

    // Assess
    await expect(act).rejects.toThrow(InvalidError);
  });

  it('refuses a file larger than 25 MiB', async () => {
    // Act
    const act = createUploadPost(s3, { bucket: BUCKET, key: KEY, contentType: PDF, size: MAX_EVIDENCE_BYTES + 1 });

    // Assess
    await expect(act).rejects.toThrow(TooLargeError);
  });

  it.each([0, -1, 1.5])('refuses a declared size of %p bytes', async (size) => {
    // Act
    const act = createUploadPost(s3, { bucket: BUCKET, key: KEY, contentType: PDF, size });

    // Assess
    await expect(act).rejects.toThrow(InvalidError);
  });

  it.each([
    ['a key outside entries/', 'uploads/x.pdf'],
    ['a key ending in ${filename}', 'entries/01JENTRY/01JEVIDENCE/${filename}'],
    ['a URL-encoded key', 'entries%2F01JENTRY%2F01JEVIDENCE%2Fx.pdf'],
  ])('refuses to sign %s', async (_name, key) => {
    // Act
    const act = createUploadPost(s3, { bucket: BUCKET, key, contentType: PDF, size: 5000 });

    // Assess
    await expect(act).rejects.toThrow(RangeError);
  });
});
