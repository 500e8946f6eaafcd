import { InvalidError } from '../../../shared/domain/errors.js';
import { decideWinners, sameWinners, winnerMoves } from '../../../shared/domain/shortlists/winners.js';

const now = new Date('2026-05-01T19:00:00.000Z');
const published = { categoryId: 'C1', programmeId: 'P1', entryIds: ['A', 'B', 'C'] };

describe('decideWinners', () => {
  it('names a winner and highly commended entries from the published shortlist', () => {
    const winners = decideWinners(published, { winner: 'B', highlyCommended: ['A'] }, 'o', now);
    expect(winners).toEqual({
      categoryId: 'C1',
      programmeId: 'P1',
      winner: 'B',
      highlyCommended: ['A'],
      decidedAt: now.toISOString(),
      decidedBy: 'o',
    });
  });

  it('refuses entries that are not on the published shortlist, and naming one entry twice', () => {
    // Act
    let errors: unknown;
    try {
      decideWinners(published, { winner: 'X', highlyCommended: ['A', 'Y', 'A'] }, 'o', now);
    } catch (error) {
      errors = (error as InvalidError).errors;
    }

    // Assess
    expect(errors).toEqual([
      { path: 'body.winner', message: 'is not on the published shortlist' },
      { path: 'body.highlyCommended.1', message: 'is not on the published shortlist' },
      { path: 'body.highlyCommended.2', message: 'is already named' },
    ]);
  });

  it('does not let the winner also be highly commended', () => {
    expect(() => decideWinners(published, { winner: 'A', highlyCommended: ['A'] }, 'o', now)).toThrow(InvalidError);
  });
});

describe('winnerMoves', () => {
  const winners = decideWinners(published, { winner: 'B', highlyCommended: ['A'] }, 'o', now);

  it('moves the winner and the highly commended; other finalists stay shortlisted', () => {
    const moves = winnerMoves(winners, [
      { entryId: 'A', status: 'shortlisted' },
      { entryId: 'B', status: 'shortlisted' },
      { entryId: 'C', status: 'shortlisted' },
    ]);
    expect(moves).toEqual([
      { entryId: 'A', to: 'highly_commended' },
      { entryId: 'B', to: 'winner' },
    ]);
  });

  it('skips entries already moved, so the moves can be run again', () => {
    expect(
      winnerMoves(winners, [
        { entryId: 'B', status: 'winner' },
        { entryId: 'A', status: 'shortlisted' },
      ]),
    ).toEqual([{ entryId: 'A', to: 'highly_commended' }]);
  });

  it('tells the same decision from another', () => {
    expect(sameWinners(winners, { winner: 'B', highlyCommended: ['A'] })).toBe(true);
    expect(sameWinners(winners, { winner: 'B', highlyCommended: [] })).toBe(false);
    expect(sameWinners(winners, { winner: 'A', highlyCommended: ['B'] })).toBe(false);
  });
});
