import { assertCanReadEntry, assertOwnsEntry, entryView } from '../../domain/entries/entry-access.js';
import { createDraft, editDraft, submitEntry, withdrawEntry } from '../../domain/entries/entry-rules.js';
import type { Entry } from '../../domain/entries/entry.js';
import { ForbiddenError, InvalidError, NotFoundError, PreconditionFailedError } from '../../domain/errors.js';
import type { SignedIn } from '../../domain/principal.js';
import { findEntryAndAssignment } from '../../store/assignments.js';
import { insertEntry, findEntry } from '../../store/entries.js';
import { findOrganisation } from '../../store/organisations.js';
import { getCategory, getProgramme } from '../programmes.js';
import { updateEntry } from './update-entry.js';

/**
 * An entry the caller may read, or 404. One round trip: the entry alone, or for a judge the entry
 * and their assignment to it together.
 */
export async function readableEntry(principal: SignedIn, entryId: string): Promise<Entry> {
  const { entry, assignment } =
    principal.role === 'judge'
      ? await findEntryAndAssignment(entryId, principal.userId)
      : { entry: await findEntry(entryId), assignment: undefined };
  if (!entry) throw new NotFoundError('No such entry.');
  assertCanReadEntry(principal, entry, assignment !== undefined);
  return entry;
}

/**
 * An entry as the caller may see it, with its version: only a judge's view depends on the category
 * (a blind one hides who entered), so only a judge's read reads the category too.
 */
export async function entryForCaller(principal: SignedIn, entryId: string) {
  const entry = await readableEntry(principal, entryId);
  const category = principal.role === 'judge' ? await getCategory(entry.categoryId) : undefined;
  return { view: entryView(entry, category, principal), version: entry.version };
}

const checkVersion = (entry: Entry, expected: number | undefined) => {
  if (expected !== undefined && entry.version !== expected) {
    throw new PreconditionFailedError('The entry changed since you read it.');
  }
};

export async function createEntry(principal: SignedIn, input: { categoryId: string; title: string }, now: Date) {
  if (!principal.orgCode) throw new ForbiddenError('Your sign-in names no organisation.');
  const category = await getCategory(input.categoryId);
  const programme = await getProgramme(category.programmeId);
  if (!(await findOrganisation(principal.orgCode))) {
    throw new InvalidError(`Organisation ${principal.orgCode} is not registered for these awards.`);
  }
  const entry = createDraft({
    category,
    programme,
    orgCode: principal.orgCode,
    title: input.title,
    by: principal.userId,
    now,
  });
  await insertEntry(entry);
  return entry;
}

export async function editEntry(
  principal: SignedIn,
  entryId: string,
  expected: number,
  changes: { title?: string | undefined; answers?: Record<string, string> | undefined },
  now: Date,
) {
  return updateEntry(entryId, async (entry) => {
    assertOwnsEntry(principal, entry);
    checkVersion(entry, expected);
    const category = await getCategory(entry.categoryId);
    return editDraft(
      entry,
      category,
      {
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.answers ? { answers: changes.answers } : {}),
      },
      principal.userId,
      now,
    );
  });
}

export async function submit(principal: SignedIn, entryId: string, expected: number | undefined, now: Date) {
  return updateEntry(entryId, async (entry) => {
    assertOwnsEntry(principal, entry);
    checkVersion(entry, expected);
    const category = await getCategory(entry.categoryId);
    const programme = await getProgramme(entry.programmeId);
    return submitEntry(entry, category, programme, principal.userId, now);
  });
}

export async function withdraw(principal: SignedIn, entryId: string, expected: number | undefined, now: Date) {
  return updateEntry(entryId, async (entry) => {
    assertOwnsEntry(principal, entry);
    checkVersion(entry, expected);
    const programme = await getProgramme(entry.programmeId);
    return withdrawEntry(entry, programme, principal.userId, now);
  });
}
