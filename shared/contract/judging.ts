import * as z from 'zod';
import { OrgCode, PageQuery, requiredText, text, Ulid } from './common.js';

/** A user id as the identity provider issues it (a Cognito `sub`): safe inside keys and paths. */
export const UserId = z.string().regex(/^[A-Za-z0-9._:@+-]{1,128}$/, 'must be 1–128 letters, digits or . _ : @ + -');

export const ConflictKind = z.enum(['employee', 'adviser', 'other']);

export const DeclaredConflict = z.strictObject({
  orgCode: OrgCode,
  kind: ConflictKind,
  note: text(500).optional(),
});

const uniqueOrgs = (items: { orgCode: string }[]) => new Set(items.map((c) => c.orgCode)).size === items.length;

export const Conflicts = z.array(DeclaredConflict).max(200).refine(uniqueOrgs, 'each organisation may be listed once');

export const RegisterJudgeBody = z
  .strictObject({
    userId: UserId,
    name: requiredText(200),
    email: z.email().max(254),
    categoryIds: z
      .array(Ulid)
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, 'each category may be listed once'),
    conflicts: Conflicts,
    /** The judge's own organisation, if they have one: a conflict without being declared. */
    orgCode: OrgCode.optional(),
  })
  .meta({ id: 'RegisterJudge' });

export const DeclareConflictsBody = z.strictObject({ conflicts: Conflicts }).meta({ id: 'DeclareConflicts' });

export const DeclareConflictsQuery = z.strictObject({ programmeId: Ulid });

export const AssignmentParams = z.strictObject({ entryId: Ulid, judgeId: UserId });

export const UnassignQuery = z.strictObject({
  force: z.enum(['true', 'false']).optional().describe('true removes even an assignment with a final score'),
});

export const ListQuery = z.strictObject(PageQuery);
