import type { EntryStatus } from '../../../shared/domain/entries/entry.js';
import { ConflictError } from '../../../shared/domain/errors.js';
import { publicationMoves, publishShortlist } from '../../../shared/domain/shortlists/publication.js';
import { decideShortlist } from '../../../shared/domain/shortlists/shortlist.js';

const now = new Date('2026-04-02T09:00:00.000Z');
const headline = (entryId: string, status: EntryStatus = 'submitted') => ({
  entryId,
  orgCode: `O${entryId}`,
  title: `Entry ${entryId}`,
  status,
});
const shortlist = decideShortlist({
  category: { categoryId: 'C1', programmeId: 'P1' },
  current: undefined,
  proposal: ['A', 'B'],
  eligible: new Set(['A', 'B', 'C']),
  published: false,
  by: 'organiser-1',
  now,
});

describe('publishShortlist', () => {
  it('captures each finalist’s organisation and title in the snapshot', () => {
    // Act
    const published = publishShortlist(shortlist, new Map(['A', 'B', 'C'].map((id) => [id, headline(id)])), 'o', now);

    // Assess
    expect(published).toMatchObject({ categoryId: 'C1', entryIds: ['A', 'B'], shortlistVersion: 1, publishedBy: 'o' });
    expect(published.finalists).toEqual([
      { entryId: 'A', orgCode: 'OA', title: 'Entry A' },
      { entryId: 'B', orgCode: 'OB', title: 'Entry B' },
    ]);
  });

  it('refuses to publish a shortlisted entry that is no longer submitted', () => {
    const entries = new Map([
      ['A', headline('A')],
      ['B', headline('B', 'withdrawn')],
    ]);
    expect(() => publishShortlist(shortlist, entries, 'o', now)).toThrow(ConflictError);
  });
});

describe('publicationMoves', () => {
  it('moves each submitted entry to shortlisted or not shortlisted', () => {
    const moves = publicationMoves([headline('A'), headline('B'), headline('C'), headline('D', 'withdrawn')], {
      entryIds: ['A', 'B'],
    });
    expect(moves).toEqual([
      { entryId: 'A', to: 'shortlisted' },
      { entryId: 'B', to: 'shortlisted' },
      { entryId: 'C', to: 'not_shortlisted' },
    ]);
  });

  it('leaves entries that already moved alone, so a retried publish only finishes the rest', () => {
    const moves = publicationMoves([headline('A', 'shortlisted'), headline('B'), headline('C', 'not_shortlisted')], {
      entryIds: ['A', 'B'],
    });
    expect(moves).toEqual([{ entryId: 'B', to: 'shortlisted' }]);
  });
});
