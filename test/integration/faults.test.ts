import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localS3 } from '../../infra/local/local-s3.js';
import { config } from '../../shared/config.js';
import { dynamo, useClientsForTest } from '../../shared/store/clients.js';
import { findEntry, listEntriesOfOrganisation } from '../../shared/store/entries.js';
import { keys } from '../../shared/store/keys.js';
import { getItem } from '../../shared/store/table.js';
import { postToStorage, requestUpload, samplePdf, uploadEvidence } from '../support/evidence-uploads.js';
import { faultInjector, faults, type Fault } from '../support/fault-injection.js';
import { completeDraft, entrantOf, setUpProgramme, type Setup } from '../support/fixtures.js';
import { startLocalWorld, type ApiAnswer, type LocalWorld } from '../support/local-world.js';

/**
 * Robustness (issue 7): when DynamoDB or S3 fails or throttles, a request answers 503 problem+json
 * with Retry-After, leaves nothing half-written, and the next request (the fault gone) succeeds.
 * Faults are injected at the SDK clients the handlers use (test/support/fault-injection.ts).
 */
let world: LocalWorld;
let setup: Setup;
let entrant: { code: string; token: string };
let injector: ReturnType<typeof faultInjector>;

beforeAll(async () => {
  world = await startLocalWorld();
  setup = await setUpProgramme(world, { maxEvidenceFiles: 10 });
  entrant = await entrantOf(world, setup.organiser);
  injector = faultInjector();
  injector.install();
});
afterEach(() => injector.reset());
afterAll(async () => {
  injector.restore();
  await world.stop();
});

/** Runs `act` with the faults armed, and disarms them whatever happens. */
async function withFaults<T>(armed: Fault[], act: () => Promise<T>): Promise<T> {
  armed.forEach((f) => injector.inject(f));
  try {
    return await act();
  } finally {
    injector.disarm();
  }
}

function expectUnavailable(answer: ApiAnswer) {
  expect({ status: answer.status, type: answer.headers.get('content-type') }).toEqual({
    status: 503,
    type: 'application/problem+json',
  });
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(answer.body).toMatchObject({
    type: expect.stringMatching(/unavailable$/),
    title: expect.any(String),
    status: 503,
  });
  expect(answer.text).not.toMatch(/Exception|ECONN|socket|amazonaws|laurel-local/);
}

const entriesOfOrg = async () =>
  (await listEntriesOfOrganisation(entrant.code, { limit: 100, scope: 'faults-test' })).items.map((e) => e.entryId);

const createEntry = (idempotencyKey: string, title = 'Created under fire') =>
  world.call('POST', '/entries', {
    token: entrant.token,
    headers: { 'idempotency-key': idempotencyKey },
    body: { categoryId: setup.categoryId, title },
  });

const idempotencyRecord = (key: string) => getItem(keys.idempotency(`entrant-${entrant.code}#createEntry`, key));

describe('a failing or throttled DynamoDB', () => {
  it.each([
    ['ThrottlingException', faults.throttling],
    ['ProvisionedThroughputExceededException', faults.provisionedThroughput],
    ['RequestLimitExceeded', faults.requestLimit],
    ['an internal server error', faults.dynamoServerError],
    ['a connection reset', faults.connectionReset],
    ['a refused connection', faults.connectionRefused],
    ['a request timeout', faults.timeout],
    ['a DNS failure', faults.dnsTryAgain],
  ])('answers a read with 503 and Retry-After on %s, and serves the next request', async (_name, error) => {
    // Prepare
    const draft = await completeDraft(world, entrant.token, setup.categoryId);

    // Act
    const failed = await withFaults([{ service: 'dynamodb', error }], () =>
      world.call('GET', `/entries/${draft.entryId}`, { token: entrant.token }),
    );
    const next = await world.call('GET', `/entries/${draft.entryId}`, { token: entrant.token });

    // Assess
    expectUnavailable(failed);
    expect(next.status).toBe(200);
  });

  it.each([
    ['throttling', faults.wireDynamoThrottling],
    ['a 502 page from a proxy', faults.wireBadGateway],
  ])('answers 503 when the SDK itself parses %s, after its own retries', async (_name, error) => {
    const draft = await completeDraft(world, entrant.token, setup.categoryId);

    const failed = await withFaults([{ service: 'dynamodb', error, depth: 'wire' }], () =>
      world.call('GET', `/entries/${draft.entryId}`, { token: entrant.token }),
    );

    expectUnavailable(failed);
    expect(injector.calls.length).toBeGreaterThan(0);
    expect((await world.call('GET', `/entries/${draft.entryId}`, { token: entrant.token })).status).toBe(200);
  });

  it('leaves no entry and no idempotency claim when every call is throttled, and the retry creates exactly one', async () => {
    // Prepare
    const before = await entriesOfOrg();

    // Act
    const failed = await withFaults([{ service: 'dynamodb', error: faults.provisionedThroughput }], () =>
      createEntry('throttled-create'),
    );
    const afterFailure = await entriesOfOrg();
    const retried = await createEntry('throttled-create');

    // Assess
    expectUnavailable(failed);
    expect(afterFailure).toEqual(before);
    expect(retried.status).toBe(201);
    expect((await entriesOfOrg()).filter((id) => !before.includes(id))).toEqual([retried.body.entryId]);
  });

  it('leaves no entry when the write fails after the reads succeeded, and releases the Idempotency-Key', async () => {
    // Prepare
    const before = await entriesOfOrg();

    // Act: the claim (UpdateItem) and the reads pass; the entry's PutItem fails.
    const failed = await withFaults([{ service: 'dynamodb', operation: 'PutItem', error: faults.throttling }], () =>
      createEntry('failed-put'),
    );
    const state = { entries: await entriesOfOrg(), claim: await idempotencyRecord('failed-put') };
    const retried = await createEntry('failed-put');

    // Assess
    expectUnavailable(failed);
    expect(state).toEqual({ entries: before, claim: undefined });
    expect(retried.status).toBe(201);
    expect((await entriesOfOrg()).filter((id) => !before.includes(id))).toEqual([retried.body.entryId]);
  });

  it('answers 201 once for an entry it created even when the answer cannot be recorded, and a retry creates no second entry', async () => {
    // Prepare
    const before = await entriesOfOrg();

    // Act: the entry's PutItem succeeds; the next PutItem (recording the answer for the key) fails.
    const first = await withFaults(
      [{ service: 'dynamodb', operation: 'PutItem', after: 1, error: faults.throttling }],
      () => createEntry('unrecorded-answer'),
    );
    const retried = await createEntry('unrecorded-answer');

    // Assess: while the unfinished claim lasts, a retry is told the first is in progress.
    expect(first.status).toBe(201);
    expect(retried.status).toBe(409);
    expect((await entriesOfOrg()).filter((id) => !before.includes(id))).toEqual([first.body.entryId]);
  });

  it('keeps the original refusal when releasing the Idempotency-Key fails too', async () => {
    // The category does not exist (404); releasing the claim (DeleteItem) is throttled meanwhile.
    const answer = await withFaults([{ service: 'dynamodb', operation: 'DeleteItem', error: faults.throttling }], () =>
      world.call('POST', '/entries', {
        token: entrant.token,
        headers: { 'idempotency-key': 'missing-category' },
        body: { categoryId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', title: 'Nowhere' },
      }),
    );

    expect(answer.status).toBe(404);
  });

  it('leaves an edited draft as it was when its conditional write fails, and the retry applies the edit once', async () => {
    // Prepare
    const draft = await completeDraft(world, entrant.token, setup.categoryId);
    const edit = () =>
      world.call('PATCH', `/entries/${draft.entryId}`, {
        token: entrant.token,
        headers: { 'if-match': `"${draft.version}"` },
        body: { title: 'Edited under fire' },
      });
    const stored = await findEntry(draft.entryId);

    // Act
    const failed = await withFaults(
      [{ service: 'dynamodb', operation: 'PutItem', error: faults.dynamoServerError }],
      edit,
    );
    const afterFailure = await findEntry(draft.entryId);
    const retried = await edit();

    // Assess
    expectUnavailable(failed);
    expect(afterFailure).toEqual(stored);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ title: 'Edited under fire', version: draft.version + 1 });
  });
});

describe('a failing or throttled S3', () => {
  const declared = { fileName: 'plan.pdf', contentType: 'application/pdf', size: samplePdf().length };
  const evidenceOf = async (entryId: string) => Object.values((await findEntry(entryId))?.evidence ?? {});

  it('records no pending evidence when the upload cannot be signed, and the next request is granted', async () => {
    // Prepare
    const { entryId } = await completeDraft(world, entrant.token, setup.categoryId);

    // Act
    const failed = await withFaults([{ service: 's3', operation: 'presign', error: faults.timeout }], () =>
      requestUpload(world, entrant.token, entryId, declared),
    );
    const afterFailure = await evidenceOf(entryId);
    const granted = await requestUpload(world, entrant.token, entryId, declared);

    // Assess
    expectUnavailable(failed);
    expect(afterFailure).toEqual([]);
    expect(granted.status).toBe(201);
    expect((await evidenceOf(entryId)).map((e) => [e.evidenceId, e.status])).toEqual([
      [granted.body.evidenceId, 'pending'],
    ]);
  });

  it('records no pending evidence when the entry write fails after signing', async () => {
    const { entryId } = await completeDraft(world, entrant.token, setup.categoryId);

    const failed = await withFaults([{ service: 'dynamodb', operation: 'PutItem', error: faults.throttling }], () =>
      requestUpload(world, entrant.token, entryId, declared),
    );

    expectUnavailable(failed);
    expect(await evidenceOf(entryId)).toEqual([]);
  });

  it.each([
    ['SlowDown', faults.s3SlowDown, 'thrown'],
    ['a 503 without a body', faults.s3Unknown503, 'thrown'],
    ['SlowDown on the wire', faults.wireS3SlowDown, 'wire'],
    ['a 502 page from a proxy on the wire', faults.wireBadGateway, 'wire'],
    ['a connection reset', faults.connectionReset, 'thrown'],
    ['a connection reset beneath the retries', faults.connectionReset, 'wire'],
  ] as const)(
    'neither rejects nor deletes an upload whose check meets %s, and checks it when the event comes again',
    async (_name, error, depth) => {
      // Prepare
      const { entryId } = await completeDraft(world, entrant.token, setup.categoryId);
      const grant = await requestUpload(world, entrant.token, entryId, declared);
      const key = grant.body.upload.fields.key as string;

      // Act: the upload's event runs the check while S3 fails (the gateway retries it, as Lambda does).
      await withFaults([{ service: 's3', operation: 'HeadObject', error, depth }], async () => {
        expect((await postToStorage(grant.body, samplePdf(), 'plan.pdf')).ok).toBe(true);
        await world.stack.gateway.settled();
      });
      const afterFailure = (await evidenceOf(entryId))[0]?.status;
      await world.stack.gateway.deliverS3Event({
        Records: [{ eventName: 'ObjectCreated:Post', s3: { bucket: { name: config().BUCKET_NAME }, object: { key } } }],
      } as never);

      // Assess
      expect(afterFailure).toBe('pending');
      expect((await evidenceOf(entryId))[0]?.status).toBe('available');
    },
  );
});

describe('a failing S3 after the entry is written', () => {
  it('removes evidence whose object cannot be deleted: 204, the item gone, the object left unreachable', async () => {
    // Prepare
    const { entryId } = await completeDraft(world, entrant.token, setup.categoryId);
    const { grant, item } = await uploadEvidence(world, entrant.token, entryId, {
      fileName: 'plan.pdf',
      contentType: 'application/pdf',
      bytes: samplePdf(),
    });
    expect(item.status).toBe('available');

    // Act
    const removed = await withFaults([{ service: 's3', operation: 'DeleteObject', error: faults.s3SlowDown }], () =>
      world.call('DELETE', `/entries/${entryId}/evidence/${grant.evidenceId}`, { token: entrant.token }),
    );

    // Assess: by design the entry is written first (shared/use-cases/evidence/evidence-files.ts).
    expect(removed.status).toBe(204);
    expect((await findEntry(entryId))?.evidence).toEqual({});
    expect(injector.calls).toContain('s3:DeleteObject');
    const object = await localS3().send(
      new HeadObjectCommand({ Bucket: config().BUCKET_NAME, Key: grant.upload.fields.key }),
    );
    expect(object.ContentLength).toBe(samplePdf().length);
  });
});

describe('a DynamoDB that accepts connections and never answers', () => {
  let blackHole: Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    blackHole = createServer((socket) => sockets.add(socket));
    await new Promise<void>((done) => blackHole.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((done) => blackHole.close(() => done()));
  });

  it('gives up within the function timeout and answers 503, using the real client settings', async () => {
    // Prepare: the real client's request handler (its timeouts) and retries, aimed at the black hole.
    const draft = await completeDraft(world, entrant.token, setup.categoryId);
    injector.restore();
    const real = dynamo();
    const base = new DynamoDBClient({
      region: real.config.region,
      endpoint: `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}`,
      maxAttempts: real.config.maxAttempts,
      credentials: real.config.credentials,
      requestHandler: real.config.requestHandler,
    });
    useClientsForTest({ dynamo: DynamoDBDocumentClient.from(base) });
    const started = Date.now();

    // Act
    const answer = await world.call('GET', `/entries/${draft.entryId}`, { token: entrant.token });
    const seconds = (Date.now() - started) / 1000;
    injector.restore();
    const next = await world.call('GET', `/entries/${draft.entryId}`, { token: entrant.token });

    // Assess: Lambda's timeout is 10 s (infra/constructs/service-function.ts).
    expectUnavailable(answer);
    expect(seconds).toBeLessThan(9);
    expect(next.status).toBe(200);
  }, 20_000);
});
