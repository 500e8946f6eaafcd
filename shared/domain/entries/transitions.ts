import { ConflictError } from '../errors.js';
import type { Entry, EntryStatus } from './entry.js';

/** The only moves an entry's status can make. Results and winners come from organisers' decisions. */
export const ALLOWED_TRANSITIONS: Readonly<Record<EntryStatus, readonly EntryStatus[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['withdrawn', 'shortlisted', 'not_shortlisted'],
  withdrawn: [],
  shortlisted: ['winner', 'highly_commended'],
  not_shortlisted: [],
  winner: [],
  highly_commended: [],
};

export const canMove = (from: EntryStatus, to: EntryStatus) => ALLOWED_TRANSITIONS[from].includes(to);

/** Moves an entry to a new status, recording who, when, from and to in its history. */
export function moveEntry(entry: Entry, to: EntryStatus, by: string, now: Date, note?: string): Entry {
  if (!canMove(entry.status, to)) {
    throw new ConflictError(
      `An entry that is ${entry.status.replace('_', ' ')} cannot become ${to.replace('_', ' ')}.`,
    );
  }
  const at = now.toISOString();
  return {
    ...entry,
    status: to,
    version: entry.version + 1,
    revision: entry.revision + 1,
    updatedAt: at,
    ...(to === 'submitted' ? { submittedAt: at } : {}),
    history: [...entry.history, { at, by, action: 'status', from: entry.status, to, ...(note ? { note } : {}) }],
  };
}
