import { insertAssignment } from '../../shared/store/assignments.js';
import { findEntry, saveEntry } from '../../shared/store/entries.js';
import type { LocalWorld } from './local-world.js';

const day = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');

/** HSJ's five criteria, as a category body uses them. */
export const HSJ_CRITERIA = [
  { id: 'ambition', name: 'Ambition', weight: 1, maxScore: 10 },
  { id: 'outcome', name: 'Outcome', weight: 1, maxScore: 10 },
  { id: 'spread', name: 'Spread', weight: 1, maxScore: 10 },
  { id: 'value', name: 'Value', weight: 1, maxScore: 10 },
  { id: 'involvement', name: 'Involvement', weight: 1, maxScore: 10 },
];

export const QUESTIONS = [
  { id: 'summary', prompt: 'Summarise the project', wordLimit: 400, required: true },
  { id: 'impact', prompt: 'What changed for patients?', wordLimit: 400, required: true },
  { id: 'extra', prompt: 'Anything else?', wordLimit: 50, required: false },
];

export interface Setup {
  organiser: string;
  programmeId: string;
  categoryId: string;
}

let orgCounter = 0;
/** A fresh ODS-like code per call, so test files never collide. */
export const nextOrgCode = () => `T${(++orgCounter).toString(36).toUpperCase().padStart(3, '0')}`.slice(0, 6);

/** An organiser sets up a programme open for entries now, and one category. */
export async function setUpProgramme(
  world: LocalWorld,
  category: Record<string, unknown> = {},
  dates: { openFromNow?: number; closeFromNow?: number; judgingFromNow?: number } = {},
): Promise<Setup> {
  const organiser = await world.token('organiser', { userId: 'organiser-1' });
  const now = Date.now();
  const programme = await world.call('POST', '/programmes', {
    token: organiser,
    body: {
      name: 'Test Awards',
      year: 2026,
      entriesOpenAt: iso(now + (dates.openFromNow ?? -day)),
      entriesCloseAt: iso(now + (dates.closeFromNow ?? 7 * day)),
      judgingClosesAt: iso(now + (dates.judgingFromNow ?? 30 * day)),
    },
  });
  if (programme.status !== 201) throw new Error(`programme: ${programme.text}`);
  const created = await world.call('POST', `/programmes/${programme.body.programmeId}/categories`, {
    token: organiser,
    body: {
      name: 'CCG of the Year',
      description: 'The CCG that made the biggest difference',
      questions: QUESTIONS,
      criteria: HSJ_CRITERIA,
      judgesPerEntry: 2,
      shortlistSize: 2,
      maxEvidenceFiles: 10,
      ...category,
    },
  });
  if (created.status !== 201) throw new Error(`category: ${created.text}`);
  return { organiser, programmeId: programme.body.programmeId, categoryId: created.body.categoryId };
}

/** Registers an organisation and returns an entrant token for it. */
export async function entrantOf(world: LocalWorld, organiser: string, code = nextOrgCode(), name = `Org ${code}`) {
  const answer = await world.call('POST', '/organisations', { token: organiser, body: { code, name, kind: 'CCG' } });
  if (answer.status !== 201 && answer.status !== 409) throw new Error(`organisation: ${answer.text}`);
  return { code, token: await world.token('entrant', { userId: `entrant-${code}`, orgCode: code }) };
}

/** A draft with complete answers. */
export async function completeDraft(world: LocalWorld, entrant: string, categoryId: string, title = 'Our project') {
  const created = await world.call('POST', '/entries', { token: entrant, body: { categoryId, title } });
  if (created.status !== 201) throw new Error(`entry: ${created.text}`);
  const edited = await world.call('PATCH', `/entries/${created.body.entryId}`, {
    token: entrant,
    headers: { 'if-match': created.headers.get('etag') ?? '' },
    body: { answers: { summary: 'We joined up care across Fylde.', impact: 'Fewer admissions.' } },
  });
  if (edited.status !== 200) throw new Error(`edit: ${edited.text}`);
  return edited.body as { entryId: string; version: number };
}

/**
 * Stores an available evidence record straight into the entry, as a checked upload would leave it:
 * for tests of rules that need evidence without going through an upload. Pass a ULID (`newId()`)
 * as `evidenceId` when the test names the file in a path. Returns the evidence id.
 */
export async function attachCheckedEvidence(entryId: string, evidenceId = `EV${Date.now()}`): Promise<string> {
  const entry = await findEntry(entryId);
  if (!entry) throw new Error('no entry');
  const at = new Date().toISOString();
  const saved = await saveEntry(
    {
      ...entry,
      revision: entry.revision + 1,
      evidence: {
        ...entry.evidence,
        [evidenceId]: {
          evidenceId,
          fileName: 'plan.pdf',
          contentType: 'application/pdf',
          size: 1024,
          key: `entries/${entryId}/${evidenceId}/plan.pdf`,
          status: 'available',
          createdAt: at,
          uploadExpiresAt: at,
          updatedAt: at,
        },
      },
    },
    entry.revision,
  );
  if (!saved) throw new Error('evidence not stored');
  return evidenceId;
}

/** A submitted entry of a fresh organisation. */
export async function submittedEntry(world: LocalWorld, setup: Setup, org?: { code: string; token: string }) {
  const entrant = org ?? (await entrantOf(world, setup.organiser));
  const draft = await completeDraft(world, entrant.token, setup.categoryId, `Entry of ${entrant.code}`);
  await attachCheckedEvidence(draft.entryId);
  const submitted = await world.call('POST', `/entries/${draft.entryId}/submit`, { token: entrant.token });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.text}`);
  return { entryId: draft.entryId, entrant };
}

/** Assigns a judge to an entry straight in the store, as an organiser's assignment would leave it. */
export const assignInStore = (
  where: Pick<Setup, 'categoryId' | 'programmeId'>,
  entryId: string,
  judgeId: string,
  by = 'organiser-1',
) =>
  insertAssignment({
    entryId,
    judgeId,
    categoryId: where.categoryId,
    programmeId: where.programmeId,
    round: 1,
    assignedAt: new Date().toISOString(),
    by,
  });
