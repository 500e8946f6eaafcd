/**
 * The callers the authorisation matrix asks every route about, each relative to the matrix world's
 * objects (see matrix-world.ts). Organisation A owns the entries the rows aim at.
 */
export const MATRIX_ROLES = [
  /** No token at all. */
  'anonymous',
  /** An entrant of organisation A, which owns the target entries. */
  'ownerEntrant',
  /** An entrant of organisation B: another organisation. */
  'otherEntrant',
  /** A judge on the category's panel, assigned to the target submitted entry. */
  'assignedJudge',
  /** A judge on the same panel, assigned to nothing. */
  'unassignedJudge',
  /** A judge on the same panel registered with a conflict with organisation A, so never assignable to its entries. */
  'conflictedJudge',
  /**
   * A judge whose token names organisation A as their own, assigned to A's entry by hand before that
   * was known: the worst case of a conflict the judge record does not know about yet.
   */
  'ownOrgJudge',
  'organiser',
] as const;

export type MatrixRole = (typeof MATRIX_ROLES)[number];
