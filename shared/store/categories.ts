import type { Category } from '../domain/categories.js';
import { PreconditionFailedError } from '../domain/errors.js';
import type { Programme } from '../domain/programmes.js';
import { keys } from './keys.js';
import { allInIndex, listPartition, withoutKeys, type ListRequest } from './list-page.js';
import { getItem, getMany, putIfVersion, putNew, updateItem } from './table.js';

const toItem = (c: Category) => ({
  ...keys.category(c.categoryId),
  ...keys.categoriesOfProgramme(c.programmeId),
  gsi1sk: c.categoryId,
  ...c,
});

export async function insertCategory(category: Category): Promise<void> {
  await putNew(toItem(category));
}

export async function findCategory(categoryId: string): Promise<Category | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.category(categoryId));
  return item ? withoutKeys<Category>(item) : undefined;
}

/** A category and a programme (the one an entry names beside it) in one BatchGet; each undefined when absent. */
export async function findCategoryAndProgramme(
  categoryId: string,
  programmeId: string,
): Promise<{ category?: Category | undefined; programme?: Programme | undefined }> {
  const found = await getMany([keys.category(categoryId), keys.programme(programmeId)]);
  const category = found.get(keys.category(categoryId));
  const programme = found.get(keys.programme(programmeId));
  return {
    category: category ? withoutKeys<Category>(category) : undefined,
    programme: programme ? withoutKeys<Programme>(programme) : undefined,
  };
}

/** Saves a changed category if nobody changed it since `expected` (a first score included). */
export async function saveCategory(category: Category, expected: number): Promise<void> {
  if (!(await putIfVersion(toItem(category), expected))) {
    throw new PreconditionFailedError('The category changed since you read it.');
  }
}

/**
 * Marks that scoring has started, in one atomic write that also returns the criteria in force:
 * a criteria change racing with the first score either lands before (and the score is checked
 * against the new criteria) or is refused.
 */
export async function markScoringStarted(categoryId: string): Promise<Category> {
  const out = await updateItem({
    Key: keys.category(categoryId),
    UpdateExpression: 'SET scoringStarted = :yes',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':yes': true },
    ReturnValues: 'ALL_NEW',
  });
  return withoutKeys<Category>(out.Attributes ?? {});
}

export const listCategories = (programmeId: string, request: ListRequest) =>
  listPartition(
    'gsi1',
    { attribute: 'gsi1pk', value: keys.categoriesOfProgramme(programmeId).gsi1pk, sortAttribute: 'gsi1sk' },
    request,
    withoutKeys<Category>,
  );

/** Every category of a programme (a programme has tens, not thousands). */
export async function allCategories(programmeId: string): Promise<Category[]> {
  return allInIndex<Category>('gsi1', keys.categoriesOfProgramme(programmeId).gsi1pk);
}
