import type { ScoreStatus } from './scoring-state.js';

/** Why an assignment was taken away. */
export type RemovalReason = 'conflict declared' | 'own organisation' | 'removed by organiser';

/**
 * A record of an assignment taken away, kept per category: who lost which entry, why, by whose
 * action, and whether a score (final or draft) was there when it went.
 */
export interface AssignmentRemoval {
  categoryId: string;
  entryId: string;
  judgeId: string;
  round: 1 | 2;
  at: string;
  by: string;
  reason: RemovalReason;
  scoreStatus: ScoreStatus;
}
