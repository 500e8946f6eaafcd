import { changeCategory, type Category, type CategoryChanges } from '../domain/categories.js';
import { NotFoundError, PreconditionFailedError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { checkProgrammeDates, type Programme, type ProgrammeDates } from '../domain/programmes.js';
import { findCategory, findCategoryAndProgramme, insertCategory, saveCategory } from '../store/categories.js';
import { findProgramme, insertProgramme, saveProgramme } from '../store/programmes.js';

export async function createProgramme(
  input: Pick<Programme, 'name' | 'year'> & ProgrammeDates,
  now: Date,
): Promise<Programme> {
  checkProgrammeDates(input);
  const at = now.toISOString();
  const programme: Programme = { programmeId: newId(now), ...input, version: 1, createdAt: at, updatedAt: at };
  await insertProgramme(programme);
  return programme;
}

export async function getProgramme(programmeId: string): Promise<Programme> {
  const programme = await findProgramme(programmeId);
  if (!programme) throw new NotFoundError('No such programme.');
  return programme;
}

export async function changeProgramme(
  programmeId: string,
  expected: number,
  changes: Partial<Pick<Programme, 'name' | 'year'> & ProgrammeDates>,
  now: Date,
): Promise<Programme> {
  const current = await getProgramme(programmeId);
  if (current.version !== expected) throw new PreconditionFailedError('The programme changed since you read it.');
  const next: Programme = { ...current, ...changes, version: current.version + 1, updatedAt: now.toISOString() };
  checkProgrammeDates(next);
  await saveProgramme(next, expected);
  return next;
}

export async function createCategory(
  programmeId: string,
  input: Omit<Category, 'categoryId' | 'programmeId' | 'version' | 'createdAt' | 'updatedAt' | 'blind'> & {
    blind?: boolean | undefined;
  },
  now: Date,
): Promise<Category> {
  await getProgramme(programmeId);
  const at = now.toISOString();
  const category: Category = {
    ...input,
    blind: input.blind ?? false,
    categoryId: newId(now),
    programmeId,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await insertCategory(category);
  return category;
}

export async function getCategory(categoryId: string): Promise<Category> {
  const category = await findCategory(categoryId);
  if (!category) throw new NotFoundError('No such category.');
  return category;
}

/** A category and a programme, read together (one round trip); 404 when either is missing. */
export async function getCategoryAndProgramme(
  categoryId: string,
  programmeId: string,
): Promise<{ category: Category; programme: Programme }> {
  const { category, programme } = await findCategoryAndProgramme(categoryId, programmeId);
  if (!category) throw new NotFoundError('No such category.');
  if (!programme) throw new NotFoundError('No such programme.');
  return { category, programme };
}

export async function updateCategory(
  categoryId: string,
  expected: number,
  changes: CategoryChanges,
  now: Date,
): Promise<Category> {
  const current = await getCategory(categoryId);
  if (current.version !== expected) throw new PreconditionFailedError('The category changed since you read it.');
  const next = changeCategory(current, changes, now);
  await saveCategory(next, expected);
  return next;
}
