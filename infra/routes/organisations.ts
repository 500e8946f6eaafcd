import { CreateOrganisationBody, ListQuery } from '../../shared/contract/organisations.js';
import { httpRoute } from '../route-types.js';
import { IdempotencyKey, organiser, read, signedIn, write } from './audiences.js';

export const organisationRoutes = {
  registerOrganisation: httpRoute({
    id: 'registerOrganisation',
    method: 'POST',
    path: '/organisations',
    handler: 'functions/organisations/register-organisation.ts',
    audience: organiser,
    access: write,
    summary: 'Register an NHS organisation by its ODS code',
    tag: 'Organisations',
    schemas: { body: CreateOrganisationBody, headers: IdempotencyKey },
    successStatus: 201,
  }),
  listOrganisations: httpRoute({
    id: 'listOrganisations',
    method: 'GET',
    path: '/organisations',
    handler: 'functions/organisations/list-organisations.ts',
    audience: signedIn,
    access: read,
    summary: 'List organisations',
    tag: 'Organisations',
    schemas: { query: ListQuery },
  }),
} as const;
