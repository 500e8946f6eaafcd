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
  if (!canReadEntry(principal, entry, assignedToCaller)) throw hidden();
}

/**
 * The rule of {@link assertCanReadEntry} as a test, for lists and for writes that must hide an entry
 * the same way: a judge's list or score sheet never reaches their own organisation's entry.
 */
export function canReadEntry(principal: SignedIn, entry: Pick<Entry, 'orgCode'>, assignedToCaller: boolean): boolean {
  if (principal.role === 'organiser') return true;
  if (principal.role === 'entrant') return principal.orgCode === entry.orgCode;
  // A judge never reads their own organisation's entry, even one assigned before it was known.
  return assignedToCaller && principal.orgCode !== entry.orgCode;
}

/** Only the owning organisation's entrants change an entry's content or status. */
export function assertOwnsEntry(principal: SignedIn, entry: Entry): void {
  if (principal.role !== 'entrant' || principal.orgCode !== entry.orgCode) throw hidden();
}

/**
 * The entry as the API shows it; a blind category hides who entered from judges. Only a judge's view
 * needs the category: for a judge without one it is taken as blind (hide rather than leak).
 */
export function entryView(entry: Entry, category: Pick<Category, 'blind'> | undefined, principal: SignedIn) {
  const blindToCaller = principal.role === 'judge' && (category?.blind ?? true);
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
