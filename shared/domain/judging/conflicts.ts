import type { RemovalReason } from './assignment-log.js';
import type { Judge } from './judge.js';

/**
 * Every organisation whose entries the judge may not judge: those declared, and the judge's own
 * organisation, which is a conflict whether declared or not. `tokenOrgCode` is the organisation the
 * caller's token names, for a judge calling now whose record may not know it yet.
 */
export function effectiveConflicts(
  judge: Pick<Judge, 'conflicts' | 'orgCode'>,
  tokenOrgCode?: string | undefined,
): Set<string> {
  const codes = new Set(judge.conflicts.map((c) => c.orgCode));
  if (judge.orgCode) codes.add(judge.orgCode);
  if (tokenOrgCode) codes.add(tokenOrgCode);
  return codes;
}

/** True when the judge may not judge an entry of this organisation. */
export const conflictsWith = (conflicts: ReadonlySet<string>, orgCode: string): boolean => conflicts.has(orgCode);

/**
 * The assignments a judge must lose under their (new) conflicts: those whose entry belongs to an
 * organisation they declared, or to their own organisation. Each comes with the reason it goes. A
 * final score does not save one — conflicts beat scores.
 */
export function assignmentsBrokenBy<A extends { orgCode: string }>(
  assignments: readonly A[],
  judge: Pick<Judge, 'conflicts' | 'orgCode'>,
): (A & { reason: RemovalReason })[] {
  const declared = new Set(judge.conflicts.map((c) => c.orgCode));
  return assignments.flatMap((a): (A & { reason: RemovalReason })[] => {
    if (declared.has(a.orgCode)) return [{ ...a, reason: 'conflict declared' }];
    if (judge.orgCode !== undefined && a.orgCode === judge.orgCode) return [{ ...a, reason: 'own organisation' }];
    return [];
  });
}
