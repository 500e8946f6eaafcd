/**
 * The S3 operations the evidence code needs, without `@aws-sdk/client-s3`: a presigned POST, a
 * presigned GET, HEAD, a ranged GET and DELETE of one object.
 *
 * Why not the SDK client: its operation schemas, endpoint rules, checksums and XML protocol are
 * ~150 KB of a minified bundle that esbuild cannot tree-shake (smithy-typescript #1889), which put
 * every function that touches S3 over the 400 KB budget (issue 7). Everything here that signs, hashes,
 * sends or retries is the SDK's own code, and all of it but `S3RequestPresigner` is already in every
 * bundle for DynamoDB: `SignatureV4` and `S3RequestPresigner` sign, `Sha256` (Node's crypto) hashes,
 * `NodeHttpHandler` sends with the same timeouts, and the SDK's retry middleware with its standard
 * strategy retries.
 * What this module adds is the part client-s3 generates: the request's URL and the parsing of S3's
 * answers. Errors keep the SDK's shape (`name` = S3's error code, `$fault`, `$metadata`), so callers
 * and `isTransientDependencyError` read them as they read the SDK's.
 * No checksum is added to any request (the SDK's `requestChecksumCalculation: 'WHEN_REQUIRED'`, which
 * these operations never require): a presigned request with one is refused by S3 (toolchain.md).
 *
 * test/unit/store/s3-client.test.ts compares the presigned URL and POST byte for byte with what the
 * SDK produces for the same input, credentials and clock: the local S3 server checks no signature.
 */
import { formatUrl } from '@aws-sdk/core/util';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { Sha256 } from '@smithy/core/checksum';
import { ServiceException } from '@smithy/core/client';
import { extendedEncodeURIComponent, HttpRequest } from '@smithy/core/protocols';
import { retryMiddleware, StandardRetryStrategy } from '@smithy/core/retry';
import { parseRfc7231DateTime, streamCollector } from '@smithy/core/serde';
import { createScope, SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider, HttpHandlerOptions, HttpResponse, ResponseMetadata } from '@smithy/types';

/** What sends a signed request: the SDK's `NodeHttpHandler`, or a test's stand-in. */
export interface S3RequestHandler {
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>;
}

export interface S3ObjectClientConfig {
  region: string;
  /** A custom endpoint (the local S3 server): addressed path-style. Absent: the region's S3 endpoint. */
  endpoint?: string;
  credentials: AwsCredentialIdentityProvider;
  /** Attempts per operation, first one included, with the SDK's standard retry strategy. */
  maxAttempts: number;
  requestHandler: S3RequestHandler;
}

/** The operations, by their S3 API names (as errors, logs and fault injection name them). */
export type S3Operation = 'HeadObject' | 'GetObject' | 'DeleteObject';

/** What a HEAD tells about an object. */
export interface ObjectHead {
  contentLength: number;
  etag: string;
  lastModified: Date;
  contentType?: string;
  $metadata: ResponseMetadata;
}

/** An error S3 answered, shaped as the SDK's S3ServiceException: `name` is S3's error code. */
export class S3ServiceError extends ServiceException {
  /** S3's error code from the body, when it sent one. */
  readonly Code?: string;

  constructor(options: {
    name: string;
    code: string | undefined;
    message: string;
    $fault: 'client' | 'server';
    $metadata: ResponseMetadata;
    $response: HttpResponse;
  }) {
    super(options);
    this.$response = options.$response;
    if (options.code !== undefined) this.Code = options.code;
  }
}

type RetryOutput = { $metadata: ResponseMetadata; bytes: Uint8Array; response: HttpResponse };

/** S3's regional endpoints are in the `aws` partition's DNS suffix; other partitions need `endpoint`. */
const OTHER_PARTITION = /^(cn|us-gov|us-iso[a-z]*|eusc)-/;
/** A bucket name S3 serves as a host name over HTTPS (no dots): otherwise it goes in the path. */
const VIRTUAL_HOSTABLE = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

export class S3ObjectClient {
  readonly config: S3ObjectClientConfig;
  private readonly signer: SignatureV4;
  private readonly presigner: S3RequestPresigner;
  private readonly retryStrategy: StandardRetryStrategy;

  constructor(config: S3ObjectClientConfig) {
    if (!config.endpoint && OTHER_PARTITION.test(config.region)) {
      throw new RangeError(`S3 in ${config.region} needs an explicit endpoint`);
    }
    this.config = config;
    const signing = { credentials: config.credentials, region: config.region, service: 's3', sha256: Sha256 };
    // S3 signs the path as sent (no second encoding), as the SDK's S3 signer does.
    this.signer = new SignatureV4({ ...signing, uriEscapePath: false });
    this.presigner = new S3RequestPresigner(signing);
    this.retryStrategy = new StandardRetryStrategy(config.maxAttempts);
  }

  /** HEAD: size, ETag, time and Content-Type. Throws `NotFound` (404) when there is no such key. */
  async headObject(args: { bucket: string; key: string }): Promise<ObjectHead> {
    const { response, $metadata } = await this.send(this.request('HEAD', args));
    const header = (name: string) => response.headers[name];
    const lastModified = header('last-modified');
    const contentType = header('content-type');
    return {
      contentLength: Number(header('content-length') ?? 0),
      etag: header('etag') ?? '',
      lastModified: lastModified ? parseRfc7231DateTime(lastModified)! : new Date(),
      ...(contentType ? { contentType } : {}),
      $metadata,
    };
  }

  /**
   * GET of a byte range (`bytes=0-99`), only while the object's ETag is `ifMatch` when given. Throws
   * `NoSuchKey` (404) when there is no such key and `PreconditionFailed` (412) when it has changed.
   */
  async getObject(args: {
    bucket: string;
    key: string;
    range?: string;
    ifMatch?: string;
  }): Promise<{ body: Uint8Array; $metadata: ResponseMetadata }> {
    const headers: Record<string, string> = {};
    if (args.range) headers.range = args.range;
    if (args.ifMatch) headers['if-match'] = args.ifMatch;
    const { bytes, $metadata } = await this.send(this.request('GET', args, headers, { 'x-id': 'GetObject' }));
    return { body: bytes, $metadata };
  }

  /** DELETE; S3 answers 204 whether or not the key existed. */
  async deleteObject(args: { bucket: string; key: string }): Promise<{ $metadata: ResponseMetadata }> {
    const { $metadata } = await this.send(this.request('DELETE', args, {}, { 'x-id': 'DeleteObject' }));
    return { $metadata };
  }

  /**
   * A presigned GET URL, as the SDK's `getSignedUrl` with a `GetObjectCommand` makes it. Local: no
   * request is sent.
   */
  async presignGetObject(args: {
    bucket: string;
    key: string;
    responseContentDisposition?: string;
    expiresIn: number;
    signingDate: Date;
  }): Promise<string> {
    const request = this.request(
      'GET',
      args,
      {},
      {
        ...(args.responseContentDisposition ? { 'response-content-disposition': args.responseContentDisposition } : {}),
        'x-id': 'GetObject',
      },
    );
    const presigned = await this.presigner.presign(request, {
      expiresIn: args.expiresIn,
      signingDate: args.signingDate,
      signingRegion: this.config.region,
      signingService: 's3',
    });
    return formatUrl(presigned);
  }

  /**
   * A presigned POST for exactly one key, as the SDK's `createPresignedPost` makes it: the policy holds
   * `conditions`, then an equality condition for each field (`fields`, the bucket and the signing
   * fields), then the exact key; its signature is SigV4's string signing of the base64 policy.
   * Local: no request is sent.
   */
  async presignPost(args: {
    bucket: string;
    key: string;
    fields: Record<string, string>;
    conditions: unknown[];
    expiresInSeconds: number;
    now?: Date;
  }): Promise<{ url: string; fields: Record<string, string> }> {
    const now = args.now ?? new Date();
    const signingDate = iso8601(now).replace(/[-:]/g, '');
    const credentials = await this.config.credentials();
    const fields: Record<string, string> = {
      ...args.fields,
      bucket: args.bucket,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${credentials.accessKeyId}/${createScope(signingDate.slice(0, 8), this.config.region, 's3')}`,
      'X-Amz-Date': signingDate,
      ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
    };
    const conditions = new Set(args.conditions.map((condition) => JSON.stringify(condition)));
    for (const [name, value] of Object.entries(fields)) conditions.add(JSON.stringify({ [name]: value }));
    conditions.add(JSON.stringify({ key: args.key }));
    const policy = Buffer.from(
      JSON.stringify({
        expiration: iso8601(new Date(now.getTime() + args.expiresInSeconds * 1000)),
        conditions: [...conditions].map((condition) => JSON.parse(condition) as unknown),
      }),
      'utf8',
    ).toString('base64');
    // The credentials the fields name sign the policy, even if the provider has new ones by now.
    const signer = new SignatureV4({ credentials, region: this.config.region, service: 's3', sha256: Sha256 });
    const signature = await signer.sign(policy, { signingDate: now });
    const { protocol, hostname, port, path } = this.request('POST', { bucket: args.bucket, key: '' });
    const url = formatUrl({ protocol, hostname, port, path: path.replace(/(.)\/$/, '$1') });
    return { url, fields: { ...fields, key: args.key, Policy: policy, 'X-Amz-Signature': signature } };
  }

  /**
   * The request for one object: path-style on a custom endpoint, else virtual-hosted on the region's
   * endpoint (path-style there for a bucket name with dots), the key's segments URI-encoded as the SDK
   * encodes them, and the query the SDK sends (it names GetObject and DeleteObject with `x-id`).
   */
  private request(
    method: string,
    { bucket, key }: { bucket: string; key: string },
    headers: Record<string, string> = {},
    query: Record<string, string> = {},
  ): HttpRequest {
    const encodedKey = key.split('/').map(extendedEncodeURIComponent).join('/');
    const base = new URL(this.config.endpoint ?? `https://s3.${this.config.region}.amazonaws.com`);
    const virtual = !this.config.endpoint && VIRTUAL_HOSTABLE.test(bucket);
    const basePath = base.pathname.replace(/\/$/, '');
    const hostname = virtual ? `${bucket}.${base.hostname}` : base.hostname;
    const port = base.port ? Number(base.port) : undefined;
    return new HttpRequest({
      method,
      protocol: base.protocol,
      hostname,
      ...(port ? { port } : {}),
      path: virtual ? `${basePath}/${encodedKey}` : `${basePath}/${bucket}/${encodedKey}`,
      query,
      headers: { ...headers, host: port ? `${hostname}:${port}` : hostname },
    });
  }

  /** Signs and sends one request with the SDK's retries; an answer of 300 or more is thrown as S3's error. */
  private async send(request: HttpRequest): Promise<RetryOutput> {
    const attempt = async ({ request: current }: { request: unknown }) => {
      const signed = (await this.signer.sign(current as HttpRequest)) as HttpRequest;
      const { response } = await this.config.requestHandler.handle(signed);
      const bytes = response.body ? await streamCollector(response.body) : new Uint8Array();
      if (response.statusCode >= 300) throw s3Error(response, bytes);
      return { response, output: { $metadata: metadataOf(response), bytes, response } };
    };
    const retrying = retryMiddleware({
      maxAttempts: async () => this.config.maxAttempts,
      retryStrategy: async () => this.retryStrategy,
    })<RetryOutput>(attempt, {});
    const { output } = await retrying({ input: {}, request });
    return output;
  }
}

const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function metadataOf(response: HttpResponse): ResponseMetadata {
  const requestId = response.headers['x-amz-request-id'];
  const extendedRequestId = response.headers['x-amz-id-2'];
  return {
    httpStatusCode: response.statusCode,
    ...(requestId ? { requestId } : {}),
    ...(extendedRequestId ? { extendedRequestId } : {}),
  };
}

/**
 * S3's error as the SDK reads it (loadRestXmlErrorCode): the `<Code>` of the XML body, else
 * `NotFound` for a 404 (a HEAD has no body), else `Unknown`; the `<Message>`, else "UnknownError".
 */
function s3Error(response: HttpResponse, bytes: Uint8Array): S3ServiceError {
  const xml = Buffer.from(bytes).toString('utf8');
  const element = (name: string) => {
    const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
    return match ? decodeXml(match[1]!) : undefined;
  };
  const code = element('Code');
  return new S3ServiceError({
    name: code ?? (response.statusCode === 404 ? 'NotFound' : 'Unknown'),
    code,
    message: element('Message') || 'UnknownError',
    $fault: response.statusCode >= 500 ? 'server' : 'client',
    $metadata: metadataOf(response),
    $response: response,
  });
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#[0-9]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return XML_ENTITIES[name.toLowerCase()] ?? entity;
    const codePoint = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}
