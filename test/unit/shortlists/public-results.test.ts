import fc from 'fast-check';
import { publicCategoryResults } from '../../../shared/domain/shortlists/public-results.js';

const category = { categoryId: 'C1', name: 'CCG of the Year' };
const names = new Map([
  ['OA', 'Alpha CCG'],
  ['OB', 'Beta CCG'],
  ['OC', 'Gamma CCG'],
]);
const published = {
  finalists: [
    { entryId: 'C', orgCode: 'OC', title: 'Gamma project' },
    { entryId: 'A', orgCode: 'OA', title: 'Alpha project' },
    { entryId: 'B', orgCode: 'OB', title: 'Beta project' },
  ],
};

describe('publicCategoryResults', () => {
  it('shows no finalists for a category whose shortlist is not published', () => {
    expect(publicCategoryResults(category, undefined, undefined, names)).toEqual({
      categoryId: 'C1',
      name: 'CCG of the Year',
      status: 'not_published',
      winnersAnnounced: false,
      finalists: [],
    });
  });

  it('lists a published shortlist by organisation name, never in score order', () => {
    const view = publicCategoryResults(category, published, undefined, names);
    expect(view.status).toBe('published');
    expect(view.finalists).toEqual([
      { organisation: 'Alpha CCG', title: 'Alpha project', status: 'shortlisted' },
      { organisation: 'Beta CCG', title: 'Beta project', status: 'shortlisted' },
      { organisation: 'Gamma CCG', title: 'Gamma project', status: 'shortlisted' },
    ]);
  });

  it('puts the winner first, then the highly commended', () => {
    const view = publicCategoryResults(category, published, { winner: 'C', highlyCommended: ['B'] }, names);
    expect(view.winnersAnnounced).toBe(true);
    expect(view.finalists.map((f) => [f.organisation, f.status])).toEqual([
      ['Gamma CCG', 'winner'],
      ['Beta CCG', 'highly_commended'],
      ['Alpha CCG', 'shortlisted'],
    ]);
  });

  it('shows only organisation, title and status of each finalist, whatever else the snapshot holds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            entryId: fc.string(),
            orgCode: fc.string(),
            title: fc.string(),
            score: fc.double(),
            judgeId: fc.string(),
          }),
          { maxLength: 6 },
        ),
        (finalists) => {
          const view = publicCategoryResults(category, { finalists }, undefined, names);
          for (const finalist of view.finalists) {
            expect(Object.keys(finalist).sort()).toEqual(['organisation', 'status', 'title']);
          }
        },
      ),
    );
  });
});
