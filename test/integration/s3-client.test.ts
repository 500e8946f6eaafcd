import { createServer, type AddressInfo, type Socket } from 'node:net';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { localS3 } from '../../infra/local/local-s3.js';
import { config } from '../../shared/config.js';
import { createDownloadUrl } from '../../shared/evidence/download-link.js';
import { deleteEvidenceObject, headEvidenceObject, readLeadingBytes } from '../../shared/evidence/evidence-objects.js';
import { isTransientDependencyError, toProblem } from '../../shared/http/problem.js';
import { s3, useClientsForTest } from '../../shared/store/clients.js';
import { S3ObjectClient } from '../../shared/store/s3-client.js';
import { samplePdf } from '../support/evidence-uploads.js';
import { startLocalWorld, type LocalWorld } from '../support/local-world.js';
import { answer } from '../support/s3-twins.js';

/**
 * The evidence bucket's operations (shared/evidence/evidence-objects.ts) through the S3 client of
 * shared/store/s3-client.ts, against the embedded S3 server: what the upload check reads, and what
 * it makes of a missing object.
 */
let world: LocalWorld;
const bucket = () => config().BUCKET_NAME;
let counter = 0;
/** Outside `entries/`, so the upload check (which deletes objects nobody expects) leaves them alone. */
const newKey = () => `s3-client-test/${Date.now()}-${++counter}/Ward round (v2)+Résumé.pdf`;

async function plant(key: string, bytes: Uint8Array) {
  await localS3().send(
    new PutObjectCommand({ Bucket: bucket(), Key: key, Body: bytes, ContentType: 'application/pdf' }),
  );
}

beforeAll(async () => {
  world = await startLocalWorld();
});
afterAll(() => world.stop());

describe('the evidence objects through the small S3 client', () => {
  it('reads the size, ETag, time and type the SDK reads with HEAD', async () => {
    // Prepare
    const key = newKey();
    await plant(key, samplePdf());

    // Act
    const head = await headEvidenceObject(key);

    // Assess
    const sdk = await localS3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    expect(head).toEqual({
      size: sdk.ContentLength,
      etag: sdk.ETag,
      lastModified: sdk.LastModified,
      contentType: 'application/pdf',
    });
  });

  it('reads the first bytes of an object, and all of a shorter one, while its ETag holds', async () => {
    // Prepare
    const key = newKey();
    const pdf = samplePdf(20_000);
    await plant(key, pdf);
    const { etag } = (await headEvidenceObject(key))!;

    // Act
    const first = await readLeadingBytes(key, 8192, etag);
    const all = await readLeadingBytes(key, pdf.length + 100);

    // Assess
    expect(Buffer.from(first!).equals(Buffer.from(pdf.subarray(0, 8192)))).toBe(true);
    expect(Buffer.from(all!).equals(Buffer.from(pdf))).toBe(true);
  });

  it('takes a missing key for no object: HEAD and the ranged GET answer undefined, the client says NotFound', async () => {
    // Prepare
    const key = newKey();

    // Act
    const head = await headEvidenceObject(key);
    const bytes = await readLeadingBytes(key, 8192);
    const raw = await s3()
      .headObject({ bucket: bucket(), key })
      .catch((e: unknown) => e);

    // Assess
    expect(head).toBeUndefined();
    expect(bytes).toBeUndefined();
    expect(raw).toMatchObject({ name: 'NotFound', $fault: 'client', $metadata: { httpStatusCode: 404 } });
  });

  it('deletes an object, and deleting it again succeeds', async () => {
    // Prepare
    const key = newKey();
    await plant(key, samplePdf());

    // Act
    await deleteEvidenceObject(key);
    await deleteEvidenceObject(key);

    // Assess
    expect(await headEvidenceObject(key)).toBeUndefined();
  });

  it('signs a download link the storage answers with the same bytes, as an attachment', async () => {
    // Prepare
    const key = newKey();
    const pdf = samplePdf();
    await plant(key, pdf);

    // Act
    const { url } = await createDownloadUrl(s3(), { bucket: bucket(), key, fileName: 'Résumé.pdf' });
    const download = await fetch(url);

    // Assess
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Resume.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
  });

  it('does not take a 403 on HEAD for a missing object: it is thrown, and is no reason to retry later', async () => {
    // Prepare: in AWS a missing key answers 403 when the role may not list the bucket.
    const real = s3();
    let sends = 0;
    useClientsForTest({
      s3: new S3ObjectClient({
        ...real.config,
        requestHandler: {
          handle: async () => {
            sends++;
            return answer(403) as never;
          },
        },
      }),
    });

    // Act
    const error = await headEvidenceObject(newKey()).catch((e: unknown) => e);
    useClientsForTest({ s3: real });

    // Assess
    expect(error).toMatchObject({ name: 'Unknown', $fault: 'client', $metadata: { httpStatusCode: 403 } });
    expect(sends).toBe(1);
    expect(toProblem(error).status).toBe(500);
  });
});

describe('an S3 that accepts connections and never answers', () => {
  it('gives up within the function timeout with an error worth a 503, using the real client settings', async () => {
    // Prepare: the real client's request handler (its timeouts) and retries, aimed at a black hole.
    const sockets = new Set<Socket>();
    const blackHole = createServer((socket) => sockets.add(socket));
    await new Promise<void>((done) => blackHole.listen(0, '127.0.0.1', done));
    const real = s3().config;
    const client = new S3ObjectClient({
      ...real,
      endpoint: `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}`,
    });
    const started = Date.now();

    // Act
    const error = await client.headObject({ bucket: bucket(), key: newKey() }).catch((e: unknown) => e);
    const seconds = (Date.now() - started) / 1000;
    sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((done) => blackHole.close(() => done()));

    // Assess: Lambda's timeout is 10 s (infra/constructs/service-function.ts); three attempts were made.
    expect(seconds).toBeLessThan(9);
    expect(sockets.size).toBe(real.maxAttempts);
    expect(isTransientDependencyError(error)).toBe(true);
  }, 20_000);
});
