import { InvalidError, type FieldError } from '../errors.js';

export type ConflictKind = 'employee' | 'adviser' | 'other';

/** An organisation a judge may not judge: they work for it, advise it, or have another tie. */
export interface DeclaredConflict {
  orgCode: string;
  kind: ConflictKind;
  note?: string;
}

/** One line of a judge's history, appended in the same write as the change it records. */
export interface JudgeEvent {
  at: string;
  by: string;
  action: 'registered' | 'conflicts' | 'organisation';
  note?: string;
}

/** A judge of one programme: the categories whose panels they sit on and the organisations they may not judge. */
export interface Judge {
  programmeId: string;
  /** The judge's user id (the token's `sub`). */
  userId: string;
  name: string;
  email: string;
  categoryIds: string[];
  conflicts: DeclaredConflict[];
  /** The judge's own organisation (ODS code): a conflict without being declared. */
  orgCode?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  history: JudgeEvent[];
}

export interface JudgeRegistration {
  userId: string;
  name: string;
  email: string;
  categoryIds: string[];
  conflicts: DeclaredConflict[];
  orgCode?: string | undefined;
}

/**
 * A new judge of a programme. Every category they sit on must be one of the programme's: a judge
 * cannot be put on another programme's panel.
 */
export function registerJudge(
  programmeId: string,
  input: JudgeRegistration,
  programmeCategoryIds: ReadonlySet<string>,
  by: string,
  now: Date,
): Judge {
  const unknown: FieldError[] = input.categoryIds.flatMap((categoryId, i) =>
    programmeCategoryIds.has(categoryId)
      ? []
      : [{ path: `body.categoryIds.${i}`, message: `${categoryId} is no category of this programme` }],
  );
  if (unknown.length > 0) throw new InvalidError('A judge can only sit on panels of this programme.', unknown);
  const at = now.toISOString();
  return {
    programmeId,
    userId: input.userId,
    name: input.name,
    email: input.email,
    categoryIds: [...input.categoryIds],
    conflicts: input.conflicts.map(copyConflict),
    ...(input.orgCode ? { orgCode: input.orgCode } : {}),
    version: 1,
    createdAt: at,
    updatedAt: at,
    history: [{ at, by, action: 'registered' }],
  };
}

/**
 * The judge's full list of conflicts replaced by `conflicts`; the organisation named in the judge's
 * token, when there is one, becomes their own organisation too.
 */
export function replaceConflicts(
  judge: Judge,
  conflicts: readonly DeclaredConflict[],
  tokenOrgCode: string | undefined,
  by: string,
  now: Date,
): Judge {
  const at = now.toISOString();
  const codes = conflicts.map((c) => c.orgCode).join(', ');
  return {
    ...judge,
    conflicts: conflicts.map(copyConflict),
    ...(tokenOrgCode ? { orgCode: tokenOrgCode } : {}),
    version: judge.version + 1,
    updatedAt: at,
    history: [...judge.history, { at, by, action: 'conflicts', note: codes ? `declared ${codes}` : 'declared none' }],
  };
}

/**
 * The judge with the organisation their token names recorded as their own, or undefined when it is
 * already recorded (or the token names none): the caller writes only on a change.
 */
export function withOwnOrganisation(judge: Judge, tokenOrgCode: string | undefined, now: Date): Judge | undefined {
  if (!tokenOrgCode || judge.orgCode === tokenOrgCode) return undefined;
  const at = now.toISOString();
  return {
    ...judge,
    orgCode: tokenOrgCode,
    version: judge.version + 1,
    updatedAt: at,
    history: [
      ...judge.history,
      { at, by: judge.userId, action: 'organisation', note: `own organisation ${tokenOrgCode}` },
    ],
  };
}

/** The judge as the API shows it (history stays in the store). */
export function judgeView(judge: Judge) {
  return {
    programmeId: judge.programmeId,
    userId: judge.userId,
    name: judge.name,
    email: judge.email,
    categoryIds: judge.categoryIds,
    conflicts: judge.conflicts,
    ...(judge.orgCode ? { orgCode: judge.orgCode } : {}),
    version: judge.version,
    createdAt: judge.createdAt,
    updatedAt: judge.updatedAt,
  };
}

const copyConflict = (c: DeclaredConflict): DeclaredConflict => ({
  orgCode: c.orgCode,
  kind: c.kind,
  ...(c.note !== undefined ? { note: c.note } : {}),
});
