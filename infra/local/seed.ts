import { PutObjectCommand } from '@aws-sdk/client-s3';
import { config } from '../../shared/config.js';
import type { Category } from '../../shared/domain/categories.js';
import type { Entry, EntryStatus } from '../../shared/domain/entries/entry.js';
import type { Programme } from '../../shared/domain/programmes.js';
import { insertCategory } from '../../shared/store/categories.js';
import { findEntry, insertEntry } from '../../shared/store/entries.js';
import { findOrganisation, insertOrganisation } from '../../shared/store/organisations.js';
import { findProgramme, insertProgramme } from '../../shared/store/programmes.js';
import { findJudge } from '../../shared/store/judges.js';
import { autoAssign } from '../../shared/use-cases/judging/auto-assign.js';
import { addJudge } from '../../shared/use-cases/judging/judges.js';
import { localS3 } from './local-s3.js';
import {
  DEMO_ENTRIES,
  DEMO_JUDGES,
  DEMO_ORGANISATIONS,
  DEMO_PROGRAMMES,
  demoCriteria,
  demoQuestions,
} from './demo-data.js';
import { DEMO_USERS } from './demo-users.js';

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

/** A one-page PDF, so demo entries carry real evidence an entrant or judge can download. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Dates that put each demo programme at its stage today: HSJ 2016 judging, HTA 2017 taking entries. */
function programmeDates(stage: 'judging' | 'entries', now: number) {
  return stage === 'judging'
    ? { entriesOpenAt: at(now - 60 * DAY), entriesCloseAt: at(now - DAY), judgingClosesAt: at(now + 60 * DAY) }
    : { entriesOpenAt: at(now - 7 * DAY), entriesCloseAt: at(now + 30 * DAY), judgingClosesAt: at(now + 90 * DAY) };
}

async function seedProgramme(key: keyof typeof DEMO_PROGRAMMES, now: number): Promise<boolean> {
  const demo = DEMO_PROGRAMMES[key];
  if (await findProgramme(demo.programmeId)) return false;
  const created = at(now);
  const programme: Programme = {
    programmeId: demo.programmeId,
    name: demo.name,
    year: demo.year,
    ...programmeDates(demo.stage, now),
    version: 1,
    createdAt: created,
    updatedAt: created,
  };
  const category: Category = {
    ...demo.category,
    programmeId: demo.programmeId,
    questions: demoQuestions,
    criteria: demoCriteria,
    judgesPerEntry: 3,
    shortlistSize: demo.stage === 'judging' ? 3 : 2,
    maxEvidenceFiles: 10,
    blind: false,
    version: 1,
    createdAt: created,
    updatedAt: created,
  };
  await insertCategory(category);
  await insertProgramme(programme);
  return true;
}

async function seedEntry(demo: (typeof DEMO_ENTRIES)[number], now: number): Promise<void> {
  if (await findEntry(demo.entryId)) return;
  const programme = DEMO_PROGRAMMES[demo.programme];
  const entrant = DEMO_USERS.find((u) => u.orgCode === demo.orgCode)?.userId ?? `demo-entrant-${demo.orgCode}`;
  const status: EntryStatus = programme.stage === 'judging' || demo.orgCode === '00R' ? 'submitted' : 'draft';
  const created = at(now - 10 * DAY);
  const evidenceId = `${demo.entryId.slice(0, 24)}E1`;
  const key = `entries/${demo.entryId}/${evidenceId}/summary.pdf`;
  const entry: Entry = {
    entryId: demo.entryId,
    categoryId: programme.category.categoryId,
    programmeId: programme.programmeId,
    orgCode: demo.orgCode,
    title: demo.title,
    answers: { ...demo.answers },
    status,
    version: status === 'submitted' ? 3 : 2,
    revision: 3,
    createdAt: created,
    createdBy: entrant,
    updatedAt: created,
    ...(status === 'submitted' ? { submittedAt: at(now - 5 * DAY) } : {}),
    history: [
      { at: created, by: entrant, action: 'created', to: 'draft' },
      { at: created, by: entrant, action: 'edited', note: 'answers' },
      ...(status === 'submitted'
        ? [{ at: at(now - 5 * DAY), by: entrant, action: 'status' as const, from: 'draft' as const, to: status }]
        : []),
    ],
    evidence: {
      [evidenceId]: {
        evidenceId,
        fileName: 'Summary of the programme.pdf',
        contentType: 'application/pdf',
        size: DEMO_PDF.length,
        key,
        status: 'available',
        createdAt: created,
        uploadExpiresAt: created,
        updatedAt: created,
      },
    },
  };
  await insertEntry(entry);
  await localS3().send(
    new PutObjectCommand({ Bucket: config().BUCKET_NAME, Key: key, Body: DEMO_PDF, ContentType: 'application/pdf' }),
  );
}

/**
 * Seeds the demo awards into the running local world. Idempotent: what exists is left as it is,
 * so demo data someone has changed stays changed until `npm run seed -- --reset`.
 */
export async function seedDemoData(now = Date.now()): Promise<void> {
  for (const org of DEMO_ORGANISATIONS) {
    if (!(await findOrganisation(org.code))) await insertOrganisation({ ...org, createdAt: at(now) });
  }
  for (const key of Object.keys(DEMO_PROGRAMMES) as (keyof typeof DEMO_PROGRAMMES)[]) await seedProgramme(key, now);
  for (const entry of DEMO_ENTRIES) await seedEntry(entry, now);
  await seedPanels(now);
}

const seeder = { kind: 'user', userId: 'demo-organiser', role: 'organiser' } as const;

/** Registers the demo judges and assigns the HSJ entries, which are already submitted, to the panel. */
async function seedPanels(now: number): Promise<void> {
  for (const judge of DEMO_JUDGES) {
    for (const key of judge.programmes) {
      const { programmeId, category } = DEMO_PROGRAMMES[key];
      if (await findJudge(programmeId, judge.userId)) continue;
      await addJudge(
        seeder,
        programmeId,
        {
          userId: judge.userId,
          name: judge.name,
          email: judge.email,
          categoryIds: [category.categoryId],
          conflicts: 'conflicts' in judge ? [...judge.conflicts] : [],
        },
        new Date(now),
      );
    }
  }
  // Adds only what is missing: running it again changes nothing.
  await autoAssign(DEMO_PROGRAMMES.hsj2016.category.categoryId, new Date(now));
}
