import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import fc from 'fast-check';
import { attachmentDisposition, createDownloadUrl } from '../../../shared/evidence/download-link.js';
import { CREDENTIALS, PLACES, s3Twins } from '../../support/s3-twins.js';

const s3 = s3Twins(
  { region: 'eu-west-2', endpoint: 'http://127.0.0.1:4569' },
  { accessKeyId: 'test', secretAccessKey: 'test' },
).ours;

const BUCKET = 'laurel-evidence';
const KEY = 'entries/01JENTRY/01JEVIDENCE/Resume-final.pdf';

describe('createDownloadUrl', () => {
  it('asks S3 to answer with an attachment named after the original file', async () => {
    // Act
    const { url } = await createDownloadUrl(s3, { bucket: BUCKET, key: KEY, fileName: 'Résumé final.pdf' });

    // Assess
    const link = new URL(url);
    expect(link.pathname).toBe(`/${BUCKET}/${KEY}`);
    expect(link.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="Resume final.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20final.pdf`,
    );
  });

  it('expires one minute after signing, and says so', async () => {
    // Prepare
    const now = new Date('2026-11-23T10:15:30.750Z');

    // Act
    const { url, expiresAt } = await createDownloadUrl(s3, { bucket: BUCKET, key: KEY, fileName: 'x.pdf', now });

    // Assess
    const link = new URL(url);
    expect(link.searchParams.get('X-Amz-Date')).toBe('20261123T101530Z');
    expect(link.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(expiresAt).toBe('2026-11-23T10:16:30.000Z');
  });

  it('signs a link that lasts no more than 60 seconds from now by default', async () => {
    // Act
    const { url, expiresAt } = await createDownloadUrl(s3, { bucket: BUCKET, key: KEY, fileName: 'x.pdf' });

    // Assess
    expect(Number(new URL(url).searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(60);
    expect(Date.parse(expiresAt)).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it.each(PLACES.flatMap((place) => CREDENTIALS.map((credentials) => [place, credentials] as const)))(
    'signs byte for byte the URL the SDK getSignedUrl signs for the same object, name and time (%j)',
    async (place, credentials) => {
      // Prepare
      const { sdk, ours } = s3Twins(place, credentials);
      const now = new Date('2026-11-23T10:15:30.750Z');
      const fileName = 'Résumé of outcomes (final) 100%.pdf';

      // Act
      const { url } = await createDownloadUrl(ours, { bucket: BUCKET, key: KEY, fileName, now });
      const expected = await getSignedUrl(
        sdk,
        new GetObjectCommand({ Bucket: BUCKET, Key: KEY, ResponseContentDisposition: attachmentDisposition(fileName) }),
        { expiresIn: 60, signingDate: new Date('2026-11-23T10:15:30Z') },
      );

      // Assess
      expect(url).toBe(expected);
    },
  );

  it.each([61, 0, 3600])('refuses a window of %p seconds', async (expiresInSeconds) => {
    // Act
    const act = createDownloadUrl(s3, { bucket: BUCKET, key: KEY, fileName: 'x.pdf', expiresInSeconds });

    // Assess
    await expect(act).rejects.toThrow(RangeError);
  });
});

describe('attachmentDisposition', () => {
  it.each([
    ['Annual report.pdf', `attachment; filename="Annual report.pdf"; filename*=UTF-8''Annual%20report.pdf`],
    ['日本語.pdf', `attachment; filename="___.pdf"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.pdf`],
    ['say "hi" 100%.docx', `attachment; filename="say _hi_ 100_.docx"; filename*=UTF-8''say%20%22hi%22%20100%25.docx`],
    [
      "O'Brien (draft)*.pdf",
      `attachment; filename="O'Brien (draft)*.pdf"; filename*=UTF-8''O%27Brien%20%28draft%29%2A.pdf`,
    ],
    ['C:\\fakepath\\plan.xlsx', `attachment; filename="plan.xlsx"; filename*=UTF-8''plan.xlsx`],
    [
      'evil\r\nSet-Cookie: a=b.pdf',
      `attachment; filename="evilSet-Cookie: a=b.pdf"; filename*=UTF-8''evilSet-Cookie%3A%20a%3Db.pdf`,
    ],
    ['', `attachment; filename="evidence"; filename*=UTF-8''evidence`],
  ])('writes %j as %s', (fileName, expected) => {
    // Act
    const header = attachmentDisposition(fileName);

    // Assess
    expect(header).toBe(expected);
  });

  it('always yields a header value of printable ASCII, whatever the name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (fileName) => {
        expect(attachmentDisposition(fileName)).toMatch(/^[\x20-\x7e]+$/);
      }),
    );
  });

  it('carries the exact name in filename* for any name without folders or control characters', () => {
    const names = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 100 })
      .filter((n) => !/[/\\\p{Cc}]/u.test(n) && n.trim() !== '');
    fc.assert(
      fc.property(names, (fileName) => {
        const encoded = attachmentDisposition(fileName).split("filename*=UTF-8''")[1]!;
        expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
        expect(decodeURIComponent(encoded)).toBe(fileName.trim());
      }),
    );
  });
});
