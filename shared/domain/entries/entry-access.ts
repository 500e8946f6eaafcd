import type { Category } from '../categories.js';
import { NotFoundError } from '../errors.js';
import type { SignedIn } from '../principal.js';
import type { Entry } from './entry.js';

const hidden = () => new NotFoundError('No such entry.');

/**
 * Who may read an entry: organisers, the owning organisation's entrants, and judges assigned to
 * it. Anyone else is told it does not exist (404, never 403), so ids leak nothing.
 */
export function assertCanReadEntry(principal: SignedIn, entry: Entry, assignedToCaller: boolean): void {
  if (principal.role === 'organiser') return;
  if (principal.role === 'entrant' && principal.orgCode === entry.orgCode) return;
  // A judge never reads their own organisation's entry, even one assigned before it was known.
  if (principal.role === 'judge' && assignedToCaller && principal.orgCode !== entry.orgCode) return;
  throw hidden();
}

/** Only the owning organisation's entrants change an entry's content or status. */
export function assertOwnsEntry(principal: SignedIn, entry: Entry): void {
  if (principal.role !== 'entrant' || principal.orgCode !== entry.orgCode) throw hidden();
}

/** The entry as the API shows it; a blind category hides who entered from judges. */
export function entryView(entry: Entry, category: Pick<Category, 'blind'>, principal: SignedIn) {
  const blindToCaller = category.blind && principal.role === 'judge';
  return {
    entryId: entry.entryId,
    categoryId: entry.categoryId,
    programmeId: entry.programmeId,
    ...(blindToCaller ? {} : { orgCode: entry.orgCode, title: entry.title }),
    answers: entry.answers,
    status: entry.status,
    version: entry.version,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    ...(entry.submittedAt ? { submittedAt: entry.submittedAt } : {}),
  };
}

/** The short form used in lists. */
export function entrySummary(entry: Entry, category: Pick<Category, 'blind'> | undefined, principal: SignedIn) {
  const blindToCaller = (category?.blind ?? false) && principal.role === 'judge';
  return {
    entryId: entry.entryId,
    categoryId: entry.categoryId,
    programmeId: entry.programmeId,
    ...(blindToCaller ? {} : { orgCode: entry.orgCode, title: entry.title }),
    status: entry.status,
    version: entry.version,
    updatedAt: entry.updatedAt,
  };
}
