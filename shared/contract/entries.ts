import * as z from 'zod';
import { PageQuery, requiredText, Slug, text, Ulid } from './common.js';

export const EntryStatus = z.enum([
  'draft',
  'submitted',
  'withdrawn',
  'shortlisted',
  'not_shortlisted',
  'winner',
  'highly_commended',
]);

export const CreateEntryBody = z
  .strictObject({ categoryId: Ulid, title: requiredText(300) })
  .meta({ id: 'CreateEntry' });

/** An answer may be long (word limits reach 5,000 words); the limit itself is checked by the domain. */
export const Answers = z.record(Slug, text(60_000));

export const UpdateEntryBody = z
  .strictObject({ title: requiredText(300).optional(), answers: Answers.optional() })
  .meta({ id: 'UpdateEntry' });

export const ListEntriesQuery = z.strictObject({
  ...PageQuery,
  categoryId: Ulid.optional(),
  status: EntryStatus.optional(),
});
