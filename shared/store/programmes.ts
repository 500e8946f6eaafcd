import { PreconditionFailedError } from '../domain/errors.js';
import type { Programme } from '../domain/programmes.js';
import { keys } from './keys.js';
import { listPartition, withoutKeys, type ListRequest } from './list-page.js';
import { getItem, putIfVersion, putNew } from './table.js';

const toItem = (p: Programme) => ({
  ...keys.programme(p.programmeId),
  ...keys.programmeList(),
  gsi1sk: `${p.year}#${p.programmeId}`,
  ...p,
});

export async function insertProgramme(programme: Programme): Promise<void> {
  await putNew(toItem(programme));
}

export async function findProgramme(programmeId: string): Promise<Programme | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.programme(programmeId));
  return item ? withoutKeys<Programme>(item) : undefined;
}

/** Saves a changed programme if nobody changed it since `expected`. */
export async function saveProgramme(programme: Programme, expected: number): Promise<void> {
  if (!(await putIfVersion(toItem(programme), expected))) {
    throw new PreconditionFailedError('The programme changed since you read it.');
  }
}

export const listProgrammes = (request: ListRequest) =>
  listPartition(
    'gsi1',
    { attribute: 'gsi1pk', value: keys.programmeList().gsi1pk, sortAttribute: 'gsi1sk' },
    request,
    withoutKeys<Programme>,
  );
