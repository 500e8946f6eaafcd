import { dynamo } from '../../shared/store/clients.js';
import {
  assignInStore,
  entrantOf,
  HSJ_CRITERIA,
  setUpProgramme,
  submittedEntry,
  type Setup,
} from '../support/fixtures.js';
import { startLocalWorld, type ApiAnswer, type LocalWorld } from '../support/local-world.js';

/**
 * The hot routes' round trips to DynamoDB (issue 7): each call costs the function CPU and the caller
 * a round trip, so a route reads what it needs in as few calls as its keys allow — and no rule is
 * weakened for it (the routes' rules have their own tests in judging, results and entry-journey).
 */
let world: LocalWorld;
let setup: Setup;
let entrant: { code: string; token: string };
const entryIds: string[] = [];

interface Call {
  name: string;
  started: number;
  ended: number;
}
let calls: Call[] | undefined;

/** The DynamoDB calls `act` makes, in the order they began (the handlers run in this process). */
async function callsOf(act: () => Promise<unknown>): Promise<Call[]> {
  calls = [];
  try {
    await act();
    return calls;
  } finally {
    calls = undefined;
  }
}
const names = (made: Call[]) => made.map((c) => c.name);

const judge = (userId: string, orgCode?: string) => world.token('judge', { userId, ...(orgCode ? { orgCode } : {}) });
const assign = (entryId: string, judgeId: string) => assignInStore(setup, entryId, judgeId, 'test');
const sheet = (final = false) => ({
  scores: Object.fromEntries(HSJ_CRITERIA.map((c) => [c.id, 6])),
  comment: 'Clear outcomes',
  final,
});

beforeAll(async () => {
  world = await startLocalWorld();
  setup = await setUpProgramme(world);
  entrant = await entrantOf(world, setup.organiser);
  for (let i = 0; i < 3; i++) entryIds.push((await submittedEntry(world, setup, entrant)).entryId);
  // Every DynamoDB call of the process goes through this one DocumentClient.
  const client = dynamo() as unknown as { send: (command: object) => Promise<unknown> };
  const send = client.send.bind(client);
  client.send = async (command) => {
    const call = { name: command.constructor.name.replace(/Command$/, ''), started: performance.now(), ended: 0 };
    calls?.push(call);
    try {
      return await send(command);
    } finally {
      call.ended = performance.now();
    }
  };
});
afterAll(() => world.stop());

describe('reading an entry', () => {
  it('takes an organiser or the owning entrant one GetItem: only a judge’s view depends on the category', async () => {
    for (const token of [setup.organiser, entrant.token]) {
      // Act
      let status = 0;
      const made = await callsOf(async () => {
        status = (await world.call('GET', `/entries/${entryIds[0]}`, { token })).status;
      });
      // Assess
      expect(status).toBe(200);
      expect(names(made)).toEqual(['Get']);
    }
  });

  it('takes an assigned judge one BatchGet of the entry and their assignment, then the category', async () => {
    // Prepare
    await assign(entryIds[0]!, 'judge-reader');
    const token = await judge('judge-reader');
    // Act
    let answer: ApiAnswer | undefined;
    const made = await callsOf(async () => {
      answer = await world.call('GET', `/entries/${entryIds[0]}`, { token });
    });
    // Assess
    expect(answer?.status).toBe(200);
    expect(answer?.body.title).toBe(`Entry of ${entrant.code}`);
    expect(names(made)).toEqual(['BatchGet', 'Get']);
  });
});

describe("a judge's list of assignments", () => {
  it('is one Query and one BatchGet of the entries, the judge’s sheets and the categories together', async () => {
    // Prepare: three assignments, one of them with a draft sheet
    for (const entryId of entryIds) await assign(entryId, 'judge-lister');
    const token = await judge('judge-lister');
    expect((await world.call('PUT', `/entries/${entryIds[1]}/scores/me`, { token, body: sheet() })).status).toBe(200);
    // Act
    let answer: ApiAnswer | undefined;
    const made = await callsOf(async () => {
      answer = await world.call('GET', '/me/assignments', { token });
    });
    // Assess
    expect(names(made)).toEqual(['Query', 'BatchGet']);
    expect(answer?.status).toBe(200);
    expect(answer?.body.items).toHaveLength(3);
    expect(answer?.body.items).toEqual(
      expect.arrayContaining([
        {
          entryId: entryIds[0],
          categoryId: setup.categoryId,
          title: `Entry of ${entrant.code}`,
          scoreStatus: 'missing',
        },
        { entryId: entryIds[1], categoryId: setup.categoryId, title: `Entry of ${entrant.code}`, scoreStatus: 'draft' },
      ]),
    );
  });

  it('checks the organisation a token names beside the Query, and writes nothing once it is recorded', async () => {
    // Prepare: a registered judge whose token names an organisation; their first list records it
    const registered = await world.call('POST', `/programmes/${setup.programmeId}/judges`, {
      token: setup.organiser,
      body: {
        userId: 'judge-with-org',
        name: 'Judge',
        email: 'judge@judges.example.org',
        categoryIds: [setup.categoryId],
        conflicts: [],
      },
    });
    expect(registered.status).toBe(201);
    for (const entryId of entryIds) await assign(entryId, 'judge-with-org');
    const token = await judge('judge-with-org', 'ZZ9');
    const first = await callsOf(() => world.call('GET', '/me/assignments', { token }));
    expect(names(first)).toContain('Put');
    // Act
    let answer: ApiAnswer | undefined;
    const made = await callsOf(async () => {
      answer = await world.call('GET', '/me/assignments', { token });
    });
    // Assess: two Queries side by side (each began before the other answered), then the BatchGet
    expect(answer?.status).toBe(200);
    expect(answer?.body.items).toHaveLength(3);
    expect(names(made)).toEqual(['Query', 'Query', 'BatchGet']);
    const [a, b] = made as [Call, Call];
    expect(b.started).toBeLessThan(a.ended);
  });
});

describe('saving a score sheet', () => {
  it('reads in two BatchGets and writes once; only the category’s first sheet also freezes its criteria', async () => {
    // Prepare: a category of its own, so this sheet is its first
    const fresh = await setUpProgramme(world);
    const { entryId } = await submittedEntry(world, fresh);
    await assignInStore(fresh, entryId, 'judge-scorer', 'test');
    const token = await judge('judge-scorer');
    // Act
    let etag = '';
    const firstSave = await callsOf(async () => {
      const saved = await world.call('PUT', `/entries/${entryId}/scores/me`, { token, body: sheet() });
      expect(saved.status).toBe(200);
      etag = saved.headers.get('etag') ?? '';
    });
    const laterSave = await callsOf(async () => {
      const saved = await world.call('PUT', `/entries/${entryId}/scores/me`, {
        token,
        body: sheet(true),
        headers: { 'if-match': etag },
      });
      expect(saved.status).toBe(200);
    });
    // Assess
    expect(names(firstSave)).toEqual(['BatchGet', 'BatchGet', 'Update', 'Put']);
    expect(names(laterSave)).toEqual(['BatchGet', 'BatchGet', 'Put']);
    const category = await world.call('GET', `/categories/${fresh.categoryId}`, { token: fresh.organiser });
    expect(category.body).toMatchObject({ scoringStarted: true });
  });
});
