import { DEMO_PROGRAMMES } from '../../infra/local/demo-data.js';
import { seedDemoData } from '../../infra/local/seed.js';
import { startLocalWorld, type LocalWorld } from '../support/local-world.js';

const hsj = DEMO_PROGRAMMES.hsj2016;
const categoryId = hsj.category.categoryId;
/** Each judge's view of the four HSJ 2016 finalists: Fylde and Wyre first, then East Lancashire. */
const quality: Record<string, number> = {
  '01HSJ2016ENTRY000000000001': 9,
  '01HSJ2016ENTRY000000000002': 8,
  '01HSJ2016ENTRY000000000003': 6,
  '01HSJ2016ENTRY000000000004': 4,
};

let world: LocalWorld;
let organiser: string;
beforeAll(async () => {
  world = await startLocalWorld();
  await seedDemoData();
  await seedDemoData(); // seeding twice changes nothing
  organiser = await world.token('organiser', { userId: 'demo-organiser' });
});
afterAll(() => world.stop());

describe('the HSJ Awards 2016 demo, from scoring to public results', () => {
  it('never assigns Halton CCG’s entry to Tom Ellis, who declared a conflict with it', async () => {
    const answer = await world.call('GET', `/categories/${categoryId}/assignments`, { token: organiser });
    expect(answer.body.items).toHaveLength(12);
    expect(answer.body.items).not.toContainEqual(
      expect.objectContaining({ entryId: '01HSJ2016ENTRY000000000003', judgeId: 'demo-judge-2' }),
    );
  });

  it('scores, ranks, shortlists, publishes and announces winners; the public sees only that', async () => {
    for (const judgeId of ['demo-judge-1', 'demo-judge-2', 'demo-judge-3', 'demo-judge-4']) {
      const token = await world.token('judge', { userId: judgeId });
      const mine = await world.call('GET', '/me/assignments', { token });
      for (const { entryId } of mine.body.items as { entryId: string }[]) {
        const mark = quality[entryId]!;
        const scores = { ambition: mark, outcome: mark, spread: mark, value: mark, involvement: mark };
        const saved = await world.call('PUT', `/entries/${entryId}/scores/me`, {
          token,
          body: { scores, comment: `Strong on ambition; marked ${mark}.`, final: true },
        });
        expect(saved.status).toBe(200);
      }
    }

    const results = await world.call('GET', `/categories/${categoryId}/results`, { token: organiser });
    expect(results.status).toBe(200);
    const ranking = results.body.ranking as { entryId: string; rank: number }[];
    expect(ranking.slice(0, 3).map((r) => r.entryId)).toEqual([
      '01HSJ2016ENTRY000000000001',
      '01HSJ2016ENTRY000000000002',
      '01HSJ2016ENTRY000000000003',
    ]);

    expect(
      (await world.call('POST', `/categories/${categoryId}/shortlist`, { token: organiser, body: {} })).status,
    ).toBe(200);
    expect((await world.call('POST', `/categories/${categoryId}/shortlist/publish`, { token: organiser })).status).toBe(
      200,
    );
    const winners = await world.call('POST', `/categories/${categoryId}/winners`, {
      token: organiser,
      body: { winner: '01HSJ2016ENTRY000000000001', highlyCommended: ['01HSJ2016ENTRY000000000002'] },
    });
    expect(winners.status).toBe(200);

    const halton = await world.token('entrant', { userId: 'demo-entrant-halton', orgCode: '01F' });
    const feedback = await world.call('GET', '/entries/01HSJ2016ENTRY000000000003/feedback', { token: halton });
    expect(feedback.status).toBe(200);
    expect(feedback.body.comments).toEqual(expect.arrayContaining(['Strong on ambition; marked 6.']));
    expect(JSON.stringify(feedback.body)).not.toMatch(/demo-judge|Morgan|Ellis|Okafor|Price/);

    const publicResults = await world.call('GET', `/public/programmes/${hsj.programmeId}/results`);
    expect(publicResults.status).toBe(200);
    const text = JSON.stringify(publicResults.body);
    expect(text).toContain('NHS Fylde and Wyre CCG');
    expect(text).not.toContain('NHS High Weald Lewes Havens CCG');
    expect(text).not.toMatch(/score|comment|judge|ambition|marked/i);
    const category = publicResults.body.categories.find((c: { name: string }) => c.name === 'CCG of the Year');
    expect(category.finalists.map((f: { organisation: string; status: string }) => [f.organisation, f.status])).toEqual(
      [
        ['NHS Fylde and Wyre CCG', 'winner'],
        ['NHS East Lancashire CCG', 'highly_commended'],
        ['NHS Halton CCG', 'shortlisted'],
      ],
    );

    const hta = await world.call('GET', `/public/programmes/${DEMO_PROGRAMMES.hta2017.programmeId}/results`);
    expect(hta.body.categories[0].status).toBe('not_published');
    expect(JSON.stringify(hta.body)).not.toMatch(/Blackpool|QOEST/);
  });
});
