import type { SignedIn } from '../../../shared/domain/principal.js';
import { visibleScores } from '../../../shared/domain/scoring/score-access.js';
import type { Score } from '../../../shared/domain/scoring/score.js';

const sheet = (judgeId: string): Score => ({
  entryId: 'E1',
  judgeId,
  categoryId: 'C1',
  programmeId: 'P1',
  round: 1,
  scores: { impact: 5 },
  comment: `by ${judgeId}`,
  final: true,
  version: 1,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
});
const sheets = [sheet('J1'), sheet('J2')];
const user = (role: SignedIn['role'], userId: string): SignedIn => ({ kind: 'user', role, userId });

describe('visibleScores', () => {
  it('shows an organiser every judge’s score', () => {
    expect(visibleScores(user('organiser', 'O1'), sheets)).toHaveLength(2);
  });

  it('shows a judge only their own score, never a colleague’s', () => {
    expect(visibleScores(user('judge', 'J2'), sheets).map((s) => s.judgeId)).toEqual(['J2']);
    expect(visibleScores(user('judge', 'J3'), sheets)).toEqual([]);
  });

  it('shows an entrant nothing', () => {
    expect(visibleScores({ ...user('entrant', 'E'), orgCode: 'ABC' }, sheets)).toEqual([]);
  });
});
