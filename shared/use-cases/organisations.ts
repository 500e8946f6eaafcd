import type { Organisation } from '../domain/organisations.js';
import { insertOrganisation } from '../store/organisations.js';

/** Registers an organisation under its ODS code (unique). */
export async function registerOrganisation(input: Omit<Organisation, 'createdAt'>, now: Date): Promise<Organisation> {
  const organisation: Organisation = { ...input, createdAt: now.toISOString() };
  await insertOrganisation(organisation);
  return organisation;
}
