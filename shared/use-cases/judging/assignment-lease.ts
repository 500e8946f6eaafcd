import { randomUUID } from 'node:crypto';
import { ConflictError, UnavailableError } from '../../domain/errors.js';
import { leaseStillSafe } from '../../domain/judging/assignment-lease.js';
import { releaseAssignmentLease, takeAssignmentLease } from '../../store/assignment-lease.js';

/** What a holder of a category's assignment lease may ask of it. */
export interface HeldLease {
  /** Throws (503, nothing written yet) when the lease is too near its expiry to start writing. */
  assertSafeToWrite(): void;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` as the one writer of a category's assignments: takes the category's lease (one
 * conditional write), runs, and lets go (only its own lease) whether `work` succeeded or threw. When
 * another run holds the lease after `attempts` tries (a short, jittered pause between them), nothing
 * runs and the answer is 409 "assignment in progress". A run that crashed holding it blocks the
 * category only until the lease lapses.
 *
 * Everything `work` decides from must be read inside it: that is what makes two runs see each
 * other's writes instead of planning from the same snapshot.
 */
export async function withAssignmentLease<T>(
  categoryId: string,
  now: Date,
  attempts: number,
  work: (lease: HeldLease) => Promise<T>,
): Promise<T> {
  const owner = randomUUID();
  let expiresAt: number | undefined;
  for (let attempt = 0; attempt < attempts && expiresAt === undefined; attempt++) {
    if (attempt > 0) await pause(20 + Math.random() * 40 * attempt);
    // The first try is at the request's time; a retry at the clock's, so a lease lapsing meanwhile is seen.
    expiresAt = await takeAssignmentLease(categoryId, owner, attempt === 0 ? now : new Date());
  }
  if (expiresAt === undefined) {
    throw new ConflictError('An assignment in this category is in progress; try again in a moment.', {
      reason: 'assignment in progress',
    });
  }
  const lease = expiresAt;
  try {
    return await work({
      assertSafeToWrite() {
        if (!leaseStillSafe(lease, new Date())) {
          throw new UnavailableError('The assignment took too long and was abandoned before writing; try again.');
        }
      },
    });
  } finally {
    await releaseAssignmentLease(categoryId, owner);
  }
}
