import { createHash, createHmac } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import fc from 'fast-check';
import { attachmentDisposition } from '../../../shared/evidence/download-link.js';
import { isTransientDependencyError, toProblem } from '../../../shared/http/problem.js';
import { S3ObjectClient, S3ServiceError, type S3RequestHandler } from '../../../shared/store/s3-client.js';
import { answer, atClock, CREDENTIALS, PLACES, s3Twins, type Credentials } from '../../support/s3-twins.js';

/**
 * shared/store/s3-client.ts against the AWS SDK's S3 client: for the same input, credentials and
 * clock, the presigned GET URL and the presigned POST (URL, fields, policy, signature) are the same
 * bytes; requests go to the same URL with the same headers and a signature computed independently
 * here agrees; answers and errors read the same.
 */
const BUCKET = 'laurel-evidence';
/** Not a key evidenceKey() would make: one with what must be encoded in a URL, which S3 allows. */
const KEY = "entries/01JENTRY0000000000000000AA/Ward round/Résumé (v2)+final*~!'.pdf";
const SIGNED_AT = new Date('2026-11-23T10:15:30Z');

const cases = PLACES.flatMap((place) => CREDENTIALS.map((credentials) => ({ place, credentials })));
const label = ({ place, credentials }: (typeof cases)[number]) =>
  `${place.endpoint ? 'a local endpoint' : place.region}${credentials.sessionToken ? ', temporary credentials' : ''}`;

/** Keys as S3 allows them: any UTF-8, here including what needs encoding in a URL. */
const keys = fc
  .array(
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
      .filter((s) => !s.includes('/') && s !== '.' && s !== '..'),
    { minLength: 1, maxLength: 4 },
  )
  .map((segments) => segments.join('/'));

describe('presignGetObject', () => {
  it.each(cases.map((c) => [label(c), c] as const))(
    'signs the same URL as the SDK getSignedUrl with a GetObjectCommand (%s)',
    async (_label, { place, credentials }) => {
      // Prepare
      const { sdk, ours } = s3Twins(place, credentials);
      const disposition = attachmentDisposition('Résumé (final) 100%.pdf');

      // Act
      const expected = await getSignedUrl(
        sdk,
        new GetObjectCommand({ Bucket: BUCKET, Key: KEY, ResponseContentDisposition: disposition }),
        { expiresIn: 60, signingDate: SIGNED_AT },
      );
      const actual = await ours.presignGetObject({
        bucket: BUCKET,
        key: KEY,
        responseContentDisposition: disposition,
        expiresIn: 60,
        signingDate: SIGNED_AT,
      });

      // Assess
      expect(actual).toBe(expected);
    },
  );

  it('signs the same URL as the SDK for any key, file name, window and time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        keys,
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.integer({ min: 1, max: 604_800 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        async ({ place, credentials }, key, fileName, expiresIn, signingDate) => {
          const { sdk, ours } = s3Twins(place, credentials);
          const disposition = attachmentDisposition(fileName);
          const expected = await getSignedUrl(
            sdk,
            new GetObjectCommand({ Bucket: BUCKET, Key: key, ResponseContentDisposition: disposition }),
            { expiresIn, signingDate },
          );
          const actual = await ours.presignGetObject({
            bucket: BUCKET,
            key,
            responseContentDisposition: disposition,
            expiresIn,
            signingDate,
          });
          expect(actual).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('addresses a bucket whose name has dots by path on the regional endpoint, as the SDK does', async () => {
    const { sdk, ours } = s3Twins({ region: 'eu-west-2' }, CREDENTIALS[0]!);
    const input = { Bucket: 'laurel.evidence.example', Key: KEY };

    const expected = await getSignedUrl(sdk, new GetObjectCommand(input), { expiresIn: 60, signingDate: SIGNED_AT });
    const actual = await ours.presignGetObject({
      bucket: input.Bucket,
      key: KEY,
      expiresIn: 60,
      signingDate: SIGNED_AT,
    });

    expect(actual).toBe(expected);
    expect(new URL(actual).host).toBe('s3.eu-west-2.amazonaws.com');
  });
});

describe('presignPost', () => {
  const post = (size: number) => ({
    Fields: { 'Content-Type': 'application/pdf' },
    Conditions: [
      ['eq', '$Content-Type', 'application/pdf'] as ['eq', string, string],
      ['content-length-range', 1, size] as ['content-length-range', number, number],
    ],
  });

  it.each(cases.map((c) => [label(c), c] as const))(
    'makes the same URL, fields, policy and signature as the SDK createPresignedPost (%s)',
    async (_label, { place, credentials }) => {
      // Prepare
      const { sdk, ours } = s3Twins(place, credentials);
      const { Fields, Conditions } = post(5000);
      const now = Date.parse('2026-11-23T10:15:30.750Z');

      // Act
      const expected = await atClock(now, () =>
        createPresignedPost(sdk, { Bucket: BUCKET, Key: KEY, Fields, Conditions: [...Conditions], Expires: 300 }),
      );
      const actual = await ours.presignPost({
        bucket: BUCKET,
        key: KEY,
        fields: Fields,
        conditions: [...Conditions],
        expiresInSeconds: 300,
        now: new Date(now),
      });

      // Assess: the same fields in the same order, so the same form; the same policy bytes and signature.
      expect(actual.url).toBe(expected.url);
      expect(JSON.stringify(actual.fields)).toBe(JSON.stringify(expected.fields));
      expect(actual.fields.Policy).toBe(expected.fields.Policy);
      expect(actual.fields['X-Amz-Signature']).toBe(expected.fields['X-Amz-Signature']);
    },
  );

  it('makes the same POST as the SDK for any key, size, window and time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        keys.filter((k) => !k.endsWith('${filename}')),
        fc.integer({ min: 1, max: 25 * 1024 * 1024 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2099-12-31') }),
        async ({ place, credentials }, key, size, expires, now) => {
          const { sdk, ours } = s3Twins(place, credentials);
          const { Fields, Conditions } = post(size);
          const expected = await atClock(now, () =>
            createPresignedPost(sdk, {
              Bucket: BUCKET,
              Key: key,
              Fields,
              Conditions: [...Conditions],
              Expires: expires,
            }),
          );
          const actual = await ours.presignPost({
            bucket: BUCKET,
            key,
            fields: Fields,
            conditions: [...Conditions],
            expiresInSeconds: expires,
            now: new Date(now),
          });
          expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('signs the policy with the credentials it names, even when the provider has newer ones by then', async () => {
    // Prepare: every call to the provider returns new keys.
    let calls = 0;
    const ours = new S3ObjectClient({
      region: 'eu-west-2',
      credentials: async () => ({ accessKeyId: `AKID${++calls}`, secretAccessKey: `secret${calls}` }),
      maxAttempts: 1,
      requestHandler: { handle: () => Promise.reject(new Error('unused')) },
    });

    // Act
    const { fields } = await ours.presignPost({
      bucket: BUCKET,
      key: KEY,
      fields: {},
      conditions: [],
      expiresInSeconds: 60,
      now: SIGNED_AT,
    });

    // Assess
    const n = fields['X-Amz-Credential']!.match(/^AKID(\d+)\//)![1];
    expect(fields['X-Amz-Signature']).toBe(sigV4Hmac(`secret${n}`, '20261123', 'eu-west-2', fields.Policy!));
  });
});

/** A request handler that records what it is asked to send and answers from `answers` in turn. */
function recording(answers: Array<() => unknown>) {
  const requests: any[] = [];
  let next = 0;
  const handler: S3RequestHandler = {
    handle: async (request) => {
      requests.push(request);
      const reply = answers[Math.min(next++, answers.length - 1)]!;
      return reply() as never;
    },
  };
  return { requests, handler };
}

/** What the SDK adds that says who sent it, and what differs every time: not part of the comparison. */
const PER_CALL = ['authorization', 'amz-sdk-invocation-id', 'user-agent', 'x-amz-user-agent'];
const comparable = (request: any) => ({
  method: request.method,
  protocol: request.protocol,
  hostname: request.hostname,
  port: request.port,
  path: request.path,
  query: request.query,
  headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !PER_CALL.includes(name))),
  body: request.body,
});

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

function sigV4Hmac(secret: string, shortDate: string, region: string, stringToSign: string): string {
  const signingKey = [region, 's3', 'aws4_request'].reduce<Buffer>(hmac, hmac(`AWS4${secret}`, shortDate));
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

/** RFC 3986 encoding, as SigV4 wants in the canonical query. */
const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The request's SigV4 signature computed from what is sent, independently of the SDK (AWS's
 * "Create a signed AWS API request": S3 signs the path as sent, without encoding it again).
 */
function expectedAuthorization(request: any, credentials: Credentials, region: string): string {
  const signed = Object.keys(request.headers)
    .map((name) => name.toLowerCase())
    .filter((name) => name !== 'authorization')
    .sort();
  const query = Object.entries(request.query as Record<string, string>)
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .sort()
    .join('&');
  const canonical = [
    request.method,
    request.path,
    query,
    ...signed.map((name) => `${name}:${String(request.headers[name]).trim().replace(/\s+/g, ' ')}`),
    '',
    signed.join(';'),
    request.headers['x-amz-content-sha256'],
  ].join('\n');
  const longDate = request.headers['x-amz-date'] as string;
  const scope = `${longDate.slice(0, 8)}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', longDate, scope, sha256(canonical)].join('\n');
  const signature = sigV4Hmac(credentials.secretAccessKey, longDate.slice(0, 8), region, stringToSign);
  return `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
}

describe('HEAD, ranged GET and DELETE', () => {
  const operations = [
    {
      name: 'HeadObject',
      sdk: () => new HeadObjectCommand({ Bucket: BUCKET, Key: KEY }),
      ours: (client: S3ObjectClient) => client.headObject({ bucket: BUCKET, key: KEY }),
    },
    {
      name: 'GetObject',
      sdk: () =>
        new GetObjectCommand({ Bucket: BUCKET, Key: KEY, Range: 'bytes=0-8191', IfMatch: '"9b2cf535f27731c9"' }),
      ours: (client: S3ObjectClient) =>
        client.getObject({ bucket: BUCKET, key: KEY, range: 'bytes=0-8191', ifMatch: '"9b2cf535f27731c9"' }),
    },
    {
      name: 'DeleteObject',
      sdk: () => new DeleteObjectCommand({ Bucket: BUCKET, Key: KEY }),
      ours: (client: S3ObjectClient) => client.deleteObject({ bucket: BUCKET, key: KEY }),
    },
  ];
  const matrix = operations.flatMap((operation) =>
    cases.map((c) => [`${operation.name} (${label(c)})`, operation, c] as const),
  );

  it.each(matrix)(
    'sends %s as the SDK does, signed as SigV4 computes it independently',
    async (_name, operation, { place, credentials }) => {
      // Prepare
      const sent = recording([() => answer(operation.name === 'DeleteObject' ? 204 : 200)]);
      const { sdk, ours } = s3Twins(place, credentials, { requestHandler: sent.handler });

      // Act
      await sdk.send(operation.sdk() as never);
      await operation.ours(ours);

      // Assess
      const [theirs, mine] = sent.requests;
      expect(comparable(mine)).toEqual(comparable(theirs));
      expect(mine.headers.authorization).toBe(expectedAuthorization(mine, credentials, place.region));
      expect(mine.headers['x-amz-content-sha256']).toBe(sha256(''));
      expect(Math.abs(Date.parse(isoOf(mine.headers['x-amz-date'])) - Date.now())).toBeLessThan(60_000);
    },
  );

  it('reads a HEAD answer as the SDK does', async () => {
    // Prepare
    const head = () =>
      answer(200, {
        'content-length': '48213',
        'content-type': 'application/pdf',
        etag: '"9b2cf535f27731c974343645a3985328"',
        'last-modified': 'Mon, 23 Nov 2026 10:15:31 GMT',
        'x-amz-request-id': '4442587FB7D0A2F9',
        'x-amz-id-2': 'vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=',
      });
    const { sdk, ours } = s3Twins(PLACES[1]!, CREDENTIALS[1]!, { requestHandler: recording([head]).handler });

    // Act
    const theirs = await sdk.send(new HeadObjectCommand({ Bucket: BUCKET, Key: KEY }));
    const mine = await ours.headObject({ bucket: BUCKET, key: KEY });

    // Assess
    expect(mine).toEqual({
      contentLength: theirs.ContentLength,
      contentType: theirs.ContentType,
      etag: theirs.ETag,
      lastModified: theirs.LastModified,
      $metadata: { ...theirs.$metadata, totalRetryDelay: 0 },
    });
  });

  it('returns the bytes of a ranged GET', async () => {
    const bytes = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');
    const { ours } = s3Twins(PLACES[0]!, CREDENTIALS[0]!, {
      requestHandler: recording([() => answer(206, { 'content-range': 'bytes 0-15/48213' }, bytes)]).handler,
    });

    const { body } = await ours.getObject({ bucket: BUCKET, key: KEY, range: 'bytes=0-15' });

    expect(Buffer.from(body).equals(bytes)).toBe(true);
  });
});

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`;
const xml = { 'content-type': 'application/xml', 'x-amz-request-id': '4442587FB7D0A2F9' };

describe('errors', () => {
  const socketReset = () => {
    throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  };
  const answers = [
    [
      'HeadObject',
      'a missing key (404, no body)',
      () => answer(404, { 'x-amz-request-id': 'R', 'x-amz-id-2': 'H' }),
      404,
    ],
    ['HeadObject', 'a missing key without ListBucket (403, no body)', () => answer(403), 403],
    ['HeadObject', 'a 503 (no body)', () => answer(503), 503],
    ['GetObject', 'NoSuchKey', () => answer(404, xml, xmlError('NoSuchKey', 'The specified key does not exist.')), 404],
    [
      'GetObject',
      'PreconditionFailed',
      () =>
        answer(
          412,
          xml,
          xmlError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold'),
        ),
      412,
    ],
    ['GetObject', 'AccessDenied', () => answer(403, xml, xmlError('AccessDenied', 'Access Denied')), 403],
    ['GetObject', 'SlowDown', () => answer(503, xml, xmlError('SlowDown', 'Please reduce your request rate.')), 503],
    [
      'GetObject',
      'InternalError',
      () => answer(500, xml, xmlError('InternalError', 'We encountered an internal error.')),
      500,
    ],
    [
      'DeleteObject',
      'a proxy page (502)',
      () => answer(502, { 'content-type': 'text/html' }, '<html><body>502 Bad Gateway</body></html>'),
      502,
    ],
    [
      'DeleteObject',
      'an escaped message',
      () => answer(400, xml, xmlError('InvalidArgument', 'a &lt;b&gt; &amp; &#39;c&#x27;')),
      400,
    ],
  ] as const;

  const call = {
    HeadObject: {
      sdk: () => new HeadObjectCommand({ Bucket: BUCKET, Key: KEY }),
      ours: (c: S3ObjectClient) => c.headObject({ bucket: BUCKET, key: KEY }),
    },
    GetObject: {
      sdk: () => new GetObjectCommand({ Bucket: BUCKET, Key: KEY, Range: 'bytes=0-9' }),
      ours: (c: S3ObjectClient) => c.getObject({ bucket: BUCKET, key: KEY, range: 'bytes=0-9' }),
    },
    DeleteObject: {
      sdk: () => new DeleteObjectCommand({ Bucket: BUCKET, Key: KEY }),
      ours: (c: S3ObjectClient) => c.deleteObject({ bucket: BUCKET, key: KEY }),
    },
  };

  /** The parts of an error callers and isTransientDependencyError read. */
  const shape = (error: any) => ({
    name: error.name,
    message: error.message,
    Code: error.Code,
    $fault: error.$fault,
    $retryable: error.$retryable,
    httpStatusCode: error.$metadata?.httpStatusCode,
    requestId: error.$metadata?.requestId,
    extendedRequestId: error.$metadata?.extendedRequestId,
    attempts: error.$metadata?.attempts,
    code: error.code,
  });

  async function bothFail(operation: keyof typeof call, reply: () => unknown) {
    const theirs = recording([reply]);
    const mine = recording([reply]);
    const sdk = s3Twins(PLACES[0]!, CREDENTIALS[0]!, { maxAttempts: 2, requestHandler: theirs.handler }).sdk;
    const ours = s3Twins(PLACES[0]!, CREDENTIALS[0]!, { maxAttempts: 2, requestHandler: mine.handler }).ours;
    const sdkError = await sdk.send(call[operation].sdk() as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    const ourError = await call[operation].ours(ours).then(
      () => undefined,
      (e: unknown) => e,
    );
    return { sdkError, ourError, sdkSends: theirs.requests.length, ourSends: mine.requests.length };
  }

  it.each(answers)(
    'throws what the SDK throws for %s answered with %s, after as many attempts',
    async (operation, _name, reply, status) => {
      // Act
      const { sdkError, ourError, sdkSends, ourSends } = await bothFail(operation, reply);

      // Assess
      expect(ourError).toBeInstanceOf(S3ServiceError);
      expect(shape(ourError)).toEqual(shape(sdkError));
      expect(ourSends).toBe(sdkSends);
      expect((ourError as S3ServiceError).$metadata.httpStatusCode).toBe(status);
      expect(isTransientDependencyError(ourError)).toBe(isTransientDependencyError(sdkError));
    },
  );

  it.each([
    ['a 503 without a body', () => answer(503)],
    ['SlowDown', () => answer(503, xml, xmlError('SlowDown', 'Please reduce your request rate.'))],
    ['InternalError (500)', () => answer(500, xml, xmlError('InternalError', 'We encountered an internal error.'))],
    ['a proxy page (502)', () => answer(502, { 'content-type': 'text/html' }, '<html>502 Bad Gateway</html>')],
    ['a connection reset', socketReset],
  ])('answers 503 for %s, after the retries', async (_name, reply) => {
    // Act
    const { ourError, ourSends } = await bothFail('HeadObject', reply);

    // Assess
    expect(ourSends).toBe(2);
    expect(isTransientDependencyError(ourError)).toBe(true);
    expect(toProblem(ourError).status).toBe(503);
  });

  it.each([
    ['a missing key (404)', () => answer(404)],
    ['a refusal (403)', () => answer(403, xml, xmlError('AccessDenied', 'Access Denied'))],
    ['a changed object (412)', () => answer(412, xml, xmlError('PreconditionFailed', 'x'))],
  ])('neither retries nor answers 503 for %s', async (_name, reply) => {
    const { ourError, ourSends } = await bothFail('GetObject', reply);

    expect(ourSends).toBe(1);
    expect(isTransientDependencyError(ourError)).toBe(false);
    expect(toProblem(ourError).status).toBe(500);
  });

  it('throws a network error as the SDK does, with its code, after the retries', async () => {
    const { sdkError, ourError, sdkSends, ourSends } = await bothFail('DeleteObject', socketReset);

    expect(shape(ourError)).toEqual(shape(sdkError));
    expect(ourSends).toBe(sdkSends);
  });

  it('succeeds when a retry does, and says how many attempts it took', async () => {
    // Prepare: one 503, then the object.
    const sent = recording([() => answer(503), () => answer(200, { 'content-length': '7' })]);
    const { ours } = s3Twins(PLACES[0]!, CREDENTIALS[0]!, { requestHandler: sent.handler });

    // Act
    const head = await ours.headObject({ bucket: BUCKET, key: KEY });

    // Assess: each attempt signed anew.
    expect(head.contentLength).toBe(7);
    expect(head.$metadata.attempts).toBe(2);
    expect(sent.requests.map((r) => r.headers['amz-sdk-request'])).toEqual(['attempt=1; max=3', 'attempt=2; max=3']);
  });
});

describe('configuration', () => {
  it.each(['cn-north-1', 'us-gov-west-1'])(
    'refuses to guess the endpoint of %s, outside the aws partition',
    (region) => {
      const act = () =>
        new S3ObjectClient({
          region,
          credentials: async () => CREDENTIALS[0]!,
          maxAttempts: 1,
          requestHandler: { handle: () => Promise.reject(new Error('unused')) },
        });

      expect(act).toThrow(RangeError);
    },
  );
});

/** `20261123T101530Z` as ISO 8601. */
function isoOf(longDate: string): string {
  return longDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z');
}
