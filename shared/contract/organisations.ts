import * as z from 'zod';
import { OrgCode, PageQuery, requiredText, text } from './common.js';

export const OrganisationKind = z.enum(['CCG', 'ICB', 'Trust', 'Other']);

export const CreateOrganisationBody = z
  .strictObject({
    code: OrgCode,
    name: requiredText(200),
    kind: OrganisationKind,
    region: text(100).optional(),
  })
  .meta({ id: 'CreateOrganisation' });

export const ListQuery = z.strictObject(PageQuery);
