import { ConflictError } from '../domain/errors.js';
import type { Organisation } from '../domain/organisations.js';
import { keys } from './keys.js';
import { listPartition, withoutKeys, type ListRequest } from './list-page.js';
import { getItem, putNew } from './table.js';

export async function insertOrganisation(org: Organisation): Promise<void> {
  const stored = await putNew({ ...keys.organisation(org.code), ...keys.organisationList(), gsi1sk: org.code, ...org });
  if (!stored) throw new ConflictError(`An organisation with ODS code ${org.code} is already registered.`);
}

export async function findOrganisation(code: string): Promise<Organisation | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.organisation(code));
  return item ? withoutKeys<Organisation>(item) : undefined;
}

export const listOrganisations = (request: ListRequest) =>
  listPartition(
    'gsi1',
    { attribute: 'gsi1pk', value: keys.organisationList().gsi1pk, sortAttribute: 'gsi1sk' },
    request,
    withoutKeys<Organisation>,
  );
