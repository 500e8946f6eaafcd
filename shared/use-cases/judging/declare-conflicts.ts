import { NotFoundError, PreconditionFailedError, UnavailableError } from '../../domain/errors.js';
import { replaceConflicts, withOwnOrganisation, type DeclaredConflict } from '../../domain/judging/judge.js';
import type { SignedIn } from '../../domain/principal.js';
import { findJudge, ownOrganisationsOfUser, saveJudge } from '../../store/judges.js';
import { removeConflictingAssignments } from './remove-conflicting.js';

const ATTEMPTS = 5;

/**
 * A judge declares the full list of their conflicts in a programme (their token's organisation is
 * recorded as their own too). The judge item is written first, in one conditional write; then every
 * assignment the new list forbids is removed and recorded.
 */
export async function declareConflicts(
  principal: SignedIn,
  programmeId: string,
  conflicts: readonly DeclaredConflict[],
  expected: number | undefined,
  now: Date,
) {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const judge = await findJudge(programmeId, principal.userId);
    if (!judge) throw new NotFoundError('You are not a judge of this programme.');
    if (expected !== undefined && judge.version !== expected) {
      throw new PreconditionFailedError('Your conflicts changed since you read them.');
    }
    const next = replaceConflicts(judge, conflicts, principal.orgCode, principal.userId, now);
    if (await saveJudge(next, judge.version)) {
      // Only after the judge's write: an assignment written meanwhile is then either seen here or
      // withdrawn by its writer (the argument is at withdrawNowConflicting).
      const removed = await removeConflictingAssignments(next, principal.userId, now);
      return { judge: next, removed };
    }
    if (expected !== undefined) throw new PreconditionFailedError('Your conflicts changed since you read them.');
  }
  throw new UnavailableError('Your judge record is changing too often right now; try again.');
}

/**
 * Records the organisation a judge's token names as their own on each of their judge records, and
 * takes away any assignment that makes conflicted. Only a change is written (and only then is the
 * whole judge record read), so the usual call is one projected Query. A lost race is left for the
 * next call. Answers how many assignments were taken away.
 */
export async function recordOwnOrganisation(principal: SignedIn, now: Date): Promise<number> {
  if (!principal.orgCode) return 0;
  let removed = 0;
  for (const record of await ownOrganisationsOfUser(principal.userId)) {
    if (record.orgCode === principal.orgCode) continue;
    const judge = await findJudge(record.programmeId, principal.userId);
    const next = judge && withOwnOrganisation(judge, principal.orgCode, now);
    if (judge && next && (await saveJudge(next, judge.version))) {
      removed += (await removeConflictingAssignments(next, principal.userId, now)).length;
    }
  }
  return removed;
}
