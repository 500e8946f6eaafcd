import type { RemovalReason } from './assignment-log.js';
import { assignmentsBrokenBy } from './conflicts.js';
import type { Judge } from './judge.js';

/**
 * How long a category's assignment lease lasts. A run (automatic or by hand) takes a few hundred
 * milliseconds; a run that crashed without letting go blocks the category for at most this long.
 */
export const ASSIGNMENT_LEASE_MS = 30_000;

/**
 * How close to its expiry a holder stops writing: past this point the lease may lapse while the
 * writes are under way, and another run could take it and plan from a snapshot without them.
 */
export const ASSIGNMENT_LEASE_MARGIN_MS = 5_000;

/** When a lease taken at `now` lapses (epoch milliseconds, compared in code: no TTL locally). */
export const leaseExpiry = (now: Date): number => now.getTime() + ASSIGNMENT_LEASE_MS;

/** True when a stored lease has lapsed at `now` and anyone may take it. */
export const leaseLapsed = (expiresAt: number, now: Date): boolean => expiresAt < now.getTime();

/** True while the holder of a lease lapsing at `expiresAt` may still start writing at `clock`. */
export const leaseStillSafe = (expiresAt: number, clock: Date): boolean =>
  clock.getTime() <= expiresAt - ASSIGNMENT_LEASE_MARGIN_MS;

/**
 * Of the assignments just written, those their judges' conflicts — read again after the write —
 * now forbid, each with the reason it goes. An assignment whose judge is gone is left alone (its
 * judge cannot be conflicted). This is the writer's half of the race argument in
 * `shared/use-cases/judging/remove-conflicting.ts`.
 */
export function writtenAssignmentsNowConflicting<A extends { judgeId: string; orgCode: string }>(
  written: readonly A[],
  judgesNow: ReadonlyMap<string, Pick<Judge, 'conflicts' | 'orgCode'>>,
): (A & { reason: RemovalReason })[] {
  return written.flatMap((a) => {
    const judge = judgesNow.get(a.judgeId);
    return judge ? assignmentsBrokenBy([a], judge) : [];
  });
}

/**
 * An automatic run's answer once the pairs withdrawn after the write are taken out: `added` without
 * them, each judge's load one less per withdrawn pair, and the greatest and least loads and their
 * spread worked out again.
 */
export function withoutWithdrawn<
  P extends {
    added: { entryId: string; judgeId: string }[];
    loads: { judgeId: string; load: number }[];
  },
>(plan: P, withdrawn: readonly { entryId: string; judgeId: string }[]) {
  const gone = new Set(withdrawn.map((w) => `${w.entryId}#${w.judgeId}`));
  const lost = new Map<string, number>();
  for (const w of withdrawn) lost.set(w.judgeId, (lost.get(w.judgeId) ?? 0) + 1);
  const added = plan.added.filter((a) => !gone.has(`${a.entryId}#${a.judgeId}`));
  const loads = plan.loads.map(({ judgeId, load }) => ({ judgeId, load: load - (lost.get(judgeId) ?? 0) }));
  const maxLoad = loads.reduce((max, { load }) => Math.max(max, load), 0);
  const minLoad = loads.reduce((min, { load }) => Math.min(min, load), maxLoad);
  return { added, loads, maxLoad, minLoad, spread: maxLoad - minLoad };
}
