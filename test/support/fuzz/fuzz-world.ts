import type { HttpRoute, Role } from '../../../infra/route-types.js';
import { findEntry } from '../../../shared/store/entries.js';
import {
  attachCheckedEvidence,
  completeDraft,
  entrantOf,
  HSJ_CRITERIA,
  QUESTIONS,
  setUpProgramme,
  submittedEntry,
} from '../fixtures.js';
import type { LocalWorld } from '../local-world.js';

/** The stored objects a fuzz run aims at, and a valid token per role. */
export interface FuzzTargets {
  tokens: Record<Role, string>;
  programmeId: string;
  categoryId: string;
  /** A draft of the entrant's organisation, with one available evidence file. */
  draftEntryId: string;
  /** A submitted entry of another organisation, assigned to the judge when the judging routes exist. */
  submittedEntryId: string;
  evidenceId: string;
  judgeId: string;
  orgCode: string;
}

const JUDGE_ID = 'fuzz-judge';

/**
 * Sets up, through the API as a client would, one of everything a route may name: a programme with
 * two categories, organisations, a draft with evidence, a submitted entry and (when the judging
 * routes exist) two judges assigned to it. Lists get at least two items, so a real cursor exists.
 * Steps for routes that do not exist yet are skipped, not failed: the route table keeps growing.
 */
export async function setUpFuzzTargets(world: LocalWorld): Promise<FuzzTargets> {
  const setup = await setUpProgramme(world);
  await setUpProgramme(world);
  await world.call('POST', `/programmes/${setup.programmeId}/categories`, {
    token: setup.organiser,
    body: {
      name: 'ICB of the Year',
      description: 'Second category, so the category list has a next page',
      questions: QUESTIONS,
      criteria: HSJ_CRITERIA,
      judgesPerEntry: 1,
      shortlistSize: 1,
      maxEvidenceFiles: 5,
    },
  });
  const entrant = await entrantOf(world, setup.organiser);
  const draft = await completeDraft(world, entrant.token, setup.categoryId, 'Fuzz target draft');
  await completeDraft(world, entrant.token, setup.categoryId, 'Second draft, for a next page');
  await attachCheckedEvidence(draft.entryId);
  const evidenceId = Object.keys((await findEntry(draft.entryId))?.evidence ?? {})[0] ?? 'none';
  const submitted = await submittedEntry(world, setup);

  for (const userId of [JUDGE_ID, 'fuzz-judge-2']) {
    await world.call('POST', `/programmes/${setup.programmeId}/judges`, {
      token: setup.organiser,
      body: {
        userId,
        name: `Judge ${userId}`,
        email: `${userId}@example.org`,
        categoryIds: [setup.categoryId],
        conflicts: [],
      },
    });
  }
  await world.call('POST', `/categories/${setup.categoryId}/assignments/auto`, { token: setup.organiser });

  return {
    tokens: {
      organiser: setup.organiser,
      entrant: entrant.token,
      judge: await world.token('judge', { userId: JUDGE_ID }),
    },
    programmeId: setup.programmeId,
    categoryId: setup.categoryId,
    draftEntryId: draft.entryId,
    submittedEntryId: submitted.entryId,
    evidenceId,
    judgeId: JUDGE_ID,
    orgCode: entrant.code,
  };
}

/**
 * The real id for a path, query or body field of this name, as the caller of this role would use
 * it: an entrant's own draft, a judge's assigned entry. Unknown `…Id` names get the entry id.
 */
export function realIdFor(targets: FuzzTargets, role: Role | undefined) {
  return (name: string): string | undefined => {
    switch (name) {
      case 'programmeId':
        return targets.programmeId;
      case 'categoryId':
        return targets.categoryId;
      case 'entryId':
        return role === 'entrant' ? targets.draftEntryId : targets.submittedEntryId;
      case 'evidenceId':
        return targets.evidenceId;
      case 'judgeId':
      case 'userId':
        return targets.judgeId;
      case 'orgCode':
        return targets.orgCode;
      default:
        return /Id$/.test(name) ? targets.submittedEntryId : undefined;
    }
  };
}

/** The roles that may call a route, or none for a public one. */
export const callersOf = (route: HttpRoute): (Role | undefined)[] =>
  route.audience === 'public' ? [undefined] : [...route.audience];

/** `/entries/{entryId}` with every parameter filled in by `encoded` (already percent-encoded). */
export function fillPath(path: string, encoded: (name: string) => string): string {
  return path.replace(/\{(\w+)\}/g, (_all, name: string) => encoded(name));
}

export const pathParamNames = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
