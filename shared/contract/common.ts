import * as z from 'zod';

/** Text as a person typed it: kept exactly, but it must be well-formed Unicode (no lone surrogates). */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.isWellFormed(), 'must be well-formed Unicode');

export const requiredText = (max: number) => text(max).refine((s) => s.trim().length > 0, 'must not be blank');

export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID');

/** An organisation's ODS code (NHS Organisation Data Service): 3–6 capital letters and digits. */
export const OrgCode = z.string().regex(/^[A-Z0-9]{3,6}$/, 'must be an ODS code (3–6 capital letters or digits)');

/** Ids an organiser chooses for questions and criteria: short, readable, safe in CSV and keys. */
export const Slug = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens');

export const IsoTime = z.iso.datetime({ offset: false }).describe('ISO 8601 UTC time');

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
};

export const EntryParams = z.strictObject({ entryId: Ulid });
export const CategoryParams = z.strictObject({ categoryId: Ulid });
export const ProgrammeParams = z.strictObject({ programmeId: Ulid });
