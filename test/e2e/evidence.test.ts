import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { localS3 } from '../../infra/local/local-s3.js';
import { config } from '../../shared/config.js';
import { newId } from '../../shared/domain/ids.js';
import { MAX_UPLOAD_WINDOW_SECONDS } from '../../shared/evidence/upload-policy.js';
import { findEntry, saveEntry } from '../../shared/store/entries.js';
import {
  postToStorage,
  requestUpload,
  samplePdf,
  samplePng,
  uploadEvidence,
  type UploadGrant,
} from '../support/evidence-uploads.js';
import { assignInStore, completeDraft, entrantOf, setUpProgramme, type Setup } from '../support/fixtures.js';
import { startLocalWorld, type LocalWorld } from '../support/local-world.js';

const PDF = 'application/pdf';

let world: LocalWorld;
let setup: Setup;
let owner: { code: string; token: string };

beforeAll(async () => {
  world = await startLocalWorld();
  setup = await setUpProgramme(world, { maxEvidenceFiles: 10 });
  owner = await entrantOf(world, setup.organiser);
});
afterAll(() => world.stop());

const draft = async () => (await completeDraft(world, owner.token, setup.categoryId)).entryId;
const settled = () => world.stack.gateway.settled();
const listOf = async (entryId: string, token = owner.token) =>
  (await world.call('GET', `/entries/${entryId}/evidence`, { token })).body.items as Record<string, any>[];

async function objectExists(key: string): Promise<boolean> {
  try {
    await localS3().send(new HeadObjectCommand({ Bucket: config().BUCKET_NAME, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

const keyOf = async (entryId: string, evidenceId: string) => (await findEntry(entryId))!.evidence[evidenceId]!.key;

/** Captures the notifications the embedded S3 server sends while `act` runs. */
async function capturingEvents(act: () => Promise<unknown>) {
  const events: any[] = [];
  const listener = (event: unknown) => events.push(JSON.parse(JSON.stringify(event)));
  world.stack.servers.s3rver.on('event', listener);
  try {
    await act();
  } finally {
    world.stack.servers.s3rver.off('event', listener);
  }
  return events;
}

describe('uploading evidence straight to storage', () => {
  it('grants a presigned POST pinned to the exact key, the declared type, at most the declared size, for at most ten minutes', async () => {
    // Prepare
    const entryId = await draft();

    // Act
    const answer = await requestUpload(world, owner.token, entryId, {
      fileName: 'Ward round audit (final).pdf',
      contentType: PDF,
      size: 5000,
    });

    // Assess
    expect(answer.status).toBe(201);
    const { evidenceId, upload, expiresAt } = answer.body;
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, 'base64').toString('utf8'));
    const key = `entries/${entryId}/${evidenceId}/Ward-round-audit-final.pdf`;
    expect(upload.fields.key).toBe(key);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { key },
        { bucket: config().BUCKET_NAME },
        ['eq', '$Content-Type', PDF],
        ['content-length-range', 1, 5000],
      ]),
    );
    expect(policy.conditions.some((c: unknown) => Array.isArray(c) && c[0] === 'starts-with')).toBe(false);
    expect(new Date(policy.expiration).toISOString()).toBe(expiresAt);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(MAX_UPLOAD_WINDOW_SECONDS * 1000);
    expect(upload.url.startsWith(process.env.AWS_ENDPOINT_URL_S3!)).toBe(true);
    expect(await listOf(entryId)).toEqual([
      expect.objectContaining({ evidenceId, fileName: 'Ward round audit (final).pdf', status: 'pending', size: 5000 }),
    ]);
  });

  it('marks a real PDF available, and its download link returns the same bytes as an attachment', async () => {
    // Prepare
    const entryId = await draft();
    const pdf = samplePdf();

    // Act
    const { grant, item } = await uploadEvidence(world, owner.token, entryId, {
      fileName: 'Résumé of outcomes.pdf',
      contentType: PDF,
      bytes: pdf,
    });
    const link = await world.call('GET', `/entries/${entryId}/evidence/${grant.evidenceId}`, { token: owner.token });
    const download = await fetch(link.body.url);

    // Assess
    expect(item).toMatchObject({ status: 'available', fileName: 'Résumé of outcomes.pdf', size: pdf.length });
    expect(item.rejectedReason).toBeUndefined();
    expect(link.status).toBe(200);
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;.*filename\*=UTF-8''R%C3%A9sum%C3%A9/);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
  });

  it('rejects a PNG declared as a PDF, says why, and deletes the object', async () => {
    // Prepare
    const entryId = await draft();

    // Act
    const { grant, item } = await uploadEvidence(world, owner.token, entryId, {
      fileName: 'chart.pdf',
      contentType: PDF,
      bytes: samplePng(),
    });

    // Assess
    expect(item).toMatchObject({ status: 'rejected' });
    expect(item.rejectedReason).toMatch(/PNG image/);
    expect(await objectExists(await keyOf(entryId, grant.evidenceId))).toBe(false);
    const link = await world.call('GET', `/entries/${entryId}/evidence/${grant.evidenceId}`, { token: owner.token });
    expect(link.status).toBe(409);
    expect(link.body.evidenceStatus).toBe('rejected');
  });

  it('rejects a file larger than declared (the local server does not enforce the policy) and deletes it', async () => {
    // Prepare
    const entryId = await draft();
    const pdf = samplePdf(4000);

    // Act
    const { grant, item } = await uploadEvidence(world, owner.token, entryId, {
      fileName: 'plan.pdf',
      contentType: PDF,
      bytes: pdf,
      declaredSize: 1000,
    });

    // Assess
    expect(item).toMatchObject({ status: 'rejected' });
    expect(item.rejectedReason).toContain(`${pdf.length} bytes but 1000 were declared`);
    expect(await objectExists(await keyOf(entryId, grant.evidenceId))).toBe(false);
  });

  it('deletes an object stored under an evidence key that no upload was granted', async () => {
    // Prepare
    const entryId = await draft();
    const key = `entries/${entryId}/${newId()}/smuggled.pdf`;

    // Act
    await localS3().send(new PutObjectCommand({ Bucket: config().BUCKET_NAME, Key: key, Body: samplePdf() }));
    await settled();

    // Assess
    expect(await objectExists(key)).toBe(false);
    expect(await listOf(entryId)).toEqual([]);
  });

  it('deletes an object that arrives under a granted key with another file name', async () => {
    // Prepare
    const entryId = await draft();
    const grant = (await requestUpload(world, owner.token, entryId, { fileName: 'a.pdf', contentType: PDF, size: 500 }))
      .body;
    const otherKey = `entries/${entryId}/${grant.evidenceId}/b.pdf`;

    // Act
    await postToStorage(grant, samplePdf(), 'b.pdf', { ...grant.upload.fields, key: otherKey });
    await settled();

    // Assess
    expect(await objectExists(otherKey)).toBe(false);
    expect((await listOf(entryId))[0]).toMatchObject({ status: 'pending' });
  });

  it('deletes a file that arrives after its upload link expired, and says so', async () => {
    // Prepare: the grant's window closed an hour ago (the local server accepts the POST anyway).
    const entryId = await draft();
    const pdf = samplePdf();
    const grant = (
      await requestUpload(world, owner.token, entryId, { fileName: 'late.pdf', contentType: PDF, size: pdf.length })
    ).body;
    const entry = (await findEntry(entryId))!;
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const item = { ...entry.evidence[grant.evidenceId]!, uploadExpiresAt: hourAgo };
    await saveEntry(
      { ...entry, revision: entry.revision + 1, evidence: { ...entry.evidence, [grant.evidenceId]: item } },
      entry.revision,
    );

    // Act
    await postToStorage(grant, pdf, 'late.pdf');
    await settled();

    // Assess
    expect(await objectExists(item.key)).toBe(false);
    expect((await listOf(entryId))[0]).toMatchObject({
      status: 'rejected',
      rejectedReason: expect.stringMatching(/expired/),
    });
  });

  it('changes the entry once when the same event is delivered again, and again at the same time', async () => {
    // Prepare
    const entryId = await draft();
    const pdf = samplePdf();
    const grant = (
      await requestUpload(world, owner.token, entryId, { fileName: 'once.pdf', contentType: PDF, size: pdf.length })
    ).body;
    const events = await capturingEvents(() => postToStorage(grant, pdf, 'once.pdf'));
    // Two more copies race with the one the server delivered.
    await Promise.all([world.stack.gateway.deliverS3Event(events[0]), world.stack.gateway.deliverS3Event(events[0])]);
    await settled();
    const before = (await findEntry(entryId))!;

    // Act
    await world.stack.gateway.deliverS3Event(events[0]);

    // Assess
    const after = (await findEntry(entryId))!;
    expect(events).toHaveLength(1);
    expect(after.evidence[grant.evidenceId]!.status).toBe('available');
    expect(after.revision).toBe(before.revision);
    expect(after.history).toEqual(before.history);
    expect(after.history.filter((h) => h.action === 'evidence')).toHaveLength(1);
    expect(await objectExists(after.evidence[grant.evidenceId]!.key)).toBe(true);
  });

  it('rejects and deletes a checked file replaced by a second upload to the same key', async () => {
    // Prepare
    const entryId = await draft();
    const pdf = samplePdf();
    const { grant } = await uploadEvidence(world, owner.token, entryId, {
      fileName: 'x.pdf',
      contentType: PDF,
      bytes: pdf,
    });

    // Act: the grant is still valid, so the same POST can be sent again with other bytes.
    const other = Buffer.from(pdf);
    other[10] = other[10]! ^ 1; // inside the binary comment line: still a PDF of the same size
    await postToStorage(grant, other, 'x.pdf');
    await settled();

    // Assess
    const [item] = await listOf(entryId);
    expect(item).toMatchObject({ status: 'rejected', rejectedReason: 'the file was replaced after it was checked' });
    expect(await objectExists(await keyOf(entryId, grant.evidenceId))).toBe(false);
  });
});

describe('the file limit', () => {
  it('refuses an 11th file over a limit of 10 with 409, and takes one again after a removal', async () => {
    // Prepare
    const entryId = await draft();
    const grants: UploadGrant[] = [];
    for (let i = 0; i < 10; i++) {
      const answer = await requestUpload(world, owner.token, entryId, {
        fileName: `f${i}.pdf`,
        contentType: PDF,
        size: 10,
      });
      expect(answer.status).toBe(201);
      grants.push(answer.body);
    }

    // Act
    const eleventh = await requestUpload(world, owner.token, entryId, {
      fileName: 'f10.pdf',
      contentType: PDF,
      size: 10,
    });
    const removed = await world.call('DELETE', `/entries/${entryId}/evidence/${grants[0]!.evidenceId}`, {
      token: owner.token,
    });
    const retried = await requestUpload(world, owner.token, entryId, {
      fileName: 'f10.pdf',
      contentType: PDF,
      size: 10,
    });

    // Assess
    expect(eleventh.status).toBe(409);
    expect(eleventh.headers.get('content-type')).toBe('application/problem+json');
    expect((eleventh.body as any).maxEvidenceFiles).toBe(10);
    expect(removed.status).toBe(204);
    expect(retried.status).toBe(201);
    expect(await listOf(entryId)).toHaveLength(10);
  });

  it('lets exactly 10 of 20 concurrent requests through on a limit of 10', async () => {
    // Prepare
    const entryId = await draft();

    // Act
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        requestUpload(world, owner.token, entryId, { fileName: `race-${i}.pdf`, contentType: PDF, size: 10 }),
      ),
    );

    // Assess
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    const stored = (await findEntry(entryId))!;
    expect(Object.keys(stored.evidence).sort()).toEqual(
      answers
        .filter((a) => a.status === 201)
        .map((a) => a.body.evidenceId)
        .sort(),
    );
  });

  it('does not count a pending upload whose link expired', async () => {
    // Prepare
    const small = await setUpProgramme(world, { maxEvidenceFiles: 1 });
    const entrant = await entrantOf(world, small.organiser);
    const entryId = (await completeDraft(world, entrant.token, small.categoryId)).entryId;
    const first = await requestUpload(world, entrant.token, entryId, { fileName: 'a.pdf', contentType: PDF, size: 10 });
    const entry = (await findEntry(entryId))!;
    const stale = { ...entry.evidence[first.body.evidenceId]!, uploadExpiresAt: '2020-01-01T00:00:00.000Z' };
    await saveEntry(
      { ...entry, revision: entry.revision + 1, evidence: { [stale.evidenceId]: stale } },
      entry.revision,
    );
    const listedStale = await listOf(entryId, entrant.token);

    // Act
    const second = await requestUpload(world, entrant.token, entryId, {
      fileName: 'b.pdf',
      contentType: PDF,
      size: 10,
    });

    // Assess
    expect(listedStale).toEqual([
      expect.objectContaining({ status: 'rejected', rejectedReason: expect.stringMatching(/expired/) }),
    ]);
    expect(second.status).toBe(201);
    expect((await listOf(entryId, entrant.token)).map((i) => i.evidenceId)).toEqual([second.body.evidenceId]);
  });
});

describe('what the evidence routes accept', () => {
  it.each([
    ['a type off the allow-list', { fileName: 'x.exe', contentType: 'application/x-msdownload', size: 10 }],
    ['an empty file', { fileName: 'x.pdf', contentType: PDF, size: 0 }],
    ['a file over 25 MiB', { fileName: 'x.pdf', contentType: PDF, size: 25 * 1024 * 1024 + 1 }],
    ['a name over 255 characters', { fileName: `${'a'.repeat(252)}.pdf`, contentType: PDF, size: 10 }],
    ['a name that is not well-formed Unicode', { fileName: 'bad\ud800.pdf', contentType: PDF, size: 10 }],
    ['a blank name', { fileName: '   ', contentType: PDF, size: 10 }],
    ['an unknown field', { fileName: 'x.pdf', contentType: PDF, size: 10, key: 'entries/x' }],
  ])('refuses %s with 400 and stores nothing', async (_label, body) => {
    // Prepare
    const entryId = await draft();

    // Act
    const answer = await world.call('POST', `/entries/${entryId}/evidence`, { token: owner.token, body });

    // Assess
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(await listOf(entryId)).toEqual([]);
  });

  it('refuses a file name whose extension does not go with the declared type (422)', async () => {
    const entryId = await draft();
    const answer = await requestUpload(world, owner.token, entryId, {
      fileName: 'plan.exe',
      contentType: PDF,
      size: 10,
    });
    expect(answer.status).toBe(422);
    expect(await listOf(entryId)).toEqual([]);
  });

  it('refuses new evidence and removals once the entry is submitted (409)', async () => {
    // Prepare
    const entryId = await draft();
    await uploadEvidence(world, owner.token, entryId, { fileName: 'in.pdf', contentType: PDF, bytes: samplePdf() });
    await world.call('POST', `/entries/${entryId}/submit`, { token: owner.token });
    const [existing] = await listOf(entryId);

    // Act
    const added = await requestUpload(world, owner.token, entryId, {
      fileName: 'late.pdf',
      contentType: PDF,
      size: 10,
    });
    const removed = await world.call('DELETE', `/entries/${entryId}/evidence/${existing!.evidenceId}`, {
      token: owner.token,
    });

    // Assess
    expect(added.status).toBe(409);
    expect(removed.status).toBe(409);
    expect(await listOf(entryId)).toHaveLength(1);
  });

  it('answers 404 for an unknown evidence id and 400 for a malformed one', async () => {
    const entryId = await draft();
    const unknown = await world.call('GET', `/entries/${entryId}/evidence/${newId()}`, { token: owner.token });
    const malformed = await world.call('GET', `/entries/${entryId}/evidence/not-an-id`, { token: owner.token });
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
  });
});

describe('who may see and change evidence', () => {
  let entryId: string;
  let evidenceId: string;
  let judge: string;

  beforeAll(async () => {
    entryId = await draft();
    ({
      grant: { evidenceId },
    } = await uploadEvidence(world, owner.token, entryId, { fileName: 'p.pdf', contentType: PDF, bytes: samplePdf() }));
    judge = await world.token('judge', { userId: 'judge-evidence' });
  });

  it('hides the evidence from a judge not assigned to the entry (404)', async () => {
    const list = await world.call('GET', `/entries/${entryId}/evidence`, { token: judge });
    const link = await world.call('GET', `/entries/${entryId}/evidence/${evidenceId}`, { token: judge });
    expect(list.status).toBe(404);
    expect(link.status).toBe(404);
    expect(link.headers.get('content-type')).toBe('application/problem+json');
  });

  it('shows it to a judge assigned to the entry, and to organisers', async () => {
    // Prepare
    await assignInStore(setup, entryId, 'judge-evidence');

    // Act
    const judged = await world.call('GET', `/entries/${entryId}/evidence/${evidenceId}`, { token: judge });
    const organised = await world.call('GET', `/entries/${entryId}/evidence`, { token: setup.organiser });

    // Assess
    expect(judged.status).toBe(200);
    expect(organised.status).toBe(200);
    expect(organised.body.items).toHaveLength(1);
  });

  it("hides another organisation's evidence from an entrant (404) and lets them change nothing", async () => {
    // Prepare
    const stranger = await entrantOf(world, setup.organiser);

    // Act
    const answers = await Promise.all([
      world.call('GET', `/entries/${entryId}/evidence`, { token: stranger.token }),
      world.call('GET', `/entries/${entryId}/evidence/${evidenceId}`, { token: stranger.token }),
      requestUpload(world, stranger.token, entryId, { fileName: 'x.pdf', contentType: PDF, size: 10 }),
      world.call('DELETE', `/entries/${entryId}/evidence/${evidenceId}`, { token: stranger.token }),
    ]);

    // Assess
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect(await listOf(entryId)).toHaveLength(1);
  });

  it('refuses uploads and removals from organisers and judges (403)', async () => {
    const byOrganiser = await requestUpload(world, setup.organiser, entryId, {
      fileName: 'x.pdf',
      contentType: PDF,
      size: 10,
    });
    const byJudge = await world.call('DELETE', `/entries/${entryId}/evidence/${evidenceId}`, { token: judge });
    expect(byOrganiser.status).toBe(403);
    expect(byJudge.status).toBe(403);
  });

  it('removes a file and its object for the owner, and records it in the history', async () => {
    // Prepare
    const key = await keyOf(entryId, evidenceId);

    // Act
    const removed = await world.call('DELETE', `/entries/${entryId}/evidence/${evidenceId}`, { token: owner.token });

    // Assess
    expect(removed.status).toBe(204);
    expect(await listOf(entryId)).toEqual([]);
    expect(await objectExists(key)).toBe(false);
    const audit = await world.call('GET', `/entries/${entryId}/audit`, { token: setup.organiser });
    expect(audit.body.items.at(-1)).toMatchObject({ action: 'evidence', note: expect.stringContaining('removed') });
  });
});

describe('submitting with real evidence', () => {
  it('submits a complete draft whose only evidence is a real uploaded PDF', async () => {
    // Prepare
    const entryId = await draft();
    const blocked = await world.call('POST', `/entries/${entryId}/submit`, { token: owner.token });
    await uploadEvidence(world, owner.token, entryId, {
      fileName: 'evidence.pdf',
      contentType: PDF,
      bytes: samplePdf(),
    });

    // Act
    const submitted = await world.call('POST', `/entries/${entryId}/submit`, { token: owner.token });

    // Assess
    expect(blocked.status).toBe(422);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
  });

  it('rejects a file that lands after the entry was submitted', async () => {
    // Prepare
    const entryId = await draft();
    await uploadEvidence(world, owner.token, entryId, { fileName: 'one.pdf', contentType: PDF, bytes: samplePdf() });
    const pdf = samplePdf();
    const grant = (
      await requestUpload(world, owner.token, entryId, { fileName: 'two.pdf', contentType: PDF, size: pdf.length })
    ).body;
    await world.call('POST', `/entries/${entryId}/submit`, { token: owner.token });

    // Act
    await postToStorage(grant, pdf, 'two.pdf');
    await settled();

    // Assess
    const item = (await listOf(entryId)).find((i) => i.evidenceId === grant.evidenceId);
    expect(item).toMatchObject({ status: 'rejected', rejectedReason: expect.stringMatching(/submitted/) });
  });
});
