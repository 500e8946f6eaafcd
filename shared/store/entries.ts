import type { Entry, EntryStatus } from '../domain/entries/entry.js';
import { keys } from './keys.js';
import { listPartition, withoutKeys, type ListRequest } from './list-page.js';
import { getItem, getMany, putIfVersion, putNew, queryAll } from './table.js';

const toItem = (e: Entry) => ({
  ...keys.entry(e.entryId),
  ...keys.entriesOfCategory(e.categoryId),
  gsi1sk: keys.entryInCategorySort(e.status, e.entryId),
  ...keys.entriesOfOrganisation(e.orgCode),
  gsi2sk: e.entryId,
  ...keys.allEntries(),
  gsi3sk: e.entryId,
  ...e,
});

export async function insertEntry(entry: Entry): Promise<void> {
  await putNew(toItem(entry));
}

export async function findEntry(entryId: string): Promise<Entry | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.entry(entryId));
  return item ? withoutKeys<Entry>(item) : undefined;
}

/**
 * Writes the whole entry (state, answers, evidence and history together) if no other write
 * landed since it was read at `expectedRevision`. False means someone else wrote first.
 */
export const saveEntry = (entry: Entry, expectedRevision: number): Promise<boolean> =>
  putIfVersion({ ...toItem(entry), version: entry.version }, expectedRevision, 'revision');

/** The entries with these ids that exist, in the order asked (one BatchGet per 100 ids). */
export async function findEntries(entryIds: readonly string[]): Promise<Entry[]> {
  const found = await getMany(entryIds.map((id) => keys.entry(id)));
  return entryIds.flatMap((id) => {
    const item = found.get(keys.entry(id));
    return item ? [withoutKeys<Entry>(item)] : [];
  });
}

export const listEntriesOfOrganisation = (orgCode: string, request: ListRequest) =>
  listPartition(
    'gsi2',
    { attribute: 'gsi2pk', value: keys.entriesOfOrganisation(orgCode).gsi2pk, sortAttribute: 'gsi2sk' },
    request,
    withoutKeys<Entry>,
  );

export const listEntriesOfCategory = (categoryId: string, status: EntryStatus | undefined, request: ListRequest) =>
  listPartition(
    'gsi1',
    {
      attribute: 'gsi1pk',
      value: keys.entriesOfCategory(categoryId).gsi1pk,
      sortAttribute: 'gsi1sk',
      ...(status ? { sortPrefix: `${status}#` } : {}),
    },
    request,
    withoutKeys<Entry>,
  );

export const listAllEntries = (request: ListRequest) =>
  listPartition(
    'gsi3',
    { attribute: 'gsi3pk', value: keys.allEntries().gsi3pk, sortAttribute: 'gsi3sk' },
    request,
    withoutKeys<Entry>,
  );

/**
 * Every entry of a category in one status, as the judging needs it (id and organisation only, not
 * answers or evidence): one Query on the category index with the status prefix, page after page.
 */
export async function entryOrgsOfCategory(
  categoryId: string,
  status: EntryStatus,
): Promise<{ entryId: string; orgCode: string }[]> {
  return queryAll<{ entryId: string; orgCode: string }>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.entriesOfCategory(categoryId).gsi1pk,
      ':prefix': keys.entryInCategorySort(status, ''),
    },
    ProjectionExpression: 'entryId, orgCode',
  });
}

/** What results, shortlists and progress need of an entry: no answers, no evidence, no history. */
export type EntryHeadline = Pick<Entry, 'entryId' | 'categoryId' | 'programmeId' | 'orgCode' | 'title' | 'status'>;

/**
 * Every entry of a category, every status, as headlines: one Query on gsi1 (all pages), projected so
 * that long answers are not carried back. For results and shortlists over a whole category.
 */
export async function entryHeadlinesOfCategory(categoryId: string): Promise<EntryHeadline[]> {
  return queryAll<EntryHeadline>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.entriesOfCategory(categoryId).gsi1pk },
    ProjectionExpression: '#entryId, #categoryId, #programmeId, #orgCode, #title, #status',
    ExpressionAttributeNames: {
      '#entryId': 'entryId',
      '#categoryId': 'categoryId',
      '#programmeId': 'programmeId',
      '#orgCode': 'orgCode',
      '#title': 'title',
      '#status': 'status',
    },
  });
}
