import fc from 'fast-check';
import type { Entry, EvidenceItem } from '../../../shared/domain/entries/entry.js';
import {
  ARRIVAL_GRACE_SECONDS,
  countedFiles,
  downloadableEvidence,
  evidenceList,
  grantEvidence,
  KEEP_REJECTED,
  removeEvidence,
  settleUpload,
  type StoredObject,
} from '../../../shared/domain/entries/evidence-rules.js';
import { ConflictError, InvalidError, NotFoundError } from '../../../shared/domain/errors.js';

const PDF = 'application/pdf';
const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const WINDOW = 300_000;
const GRACE = ARRIVAL_GRACE_SECONDS * 1000;

function draft(evidence: EvidenceItem[] = [], status: Entry['status'] = 'draft'): Entry {
  return {
    entryId: 'E1',
    categoryId: 'C1',
    programmeId: 'P1',
    orgCode: 'ORG1',
    title: 'Project',
    answers: {},
    status,
    version: 3,
    revision: 7,
    createdAt: at(0).toISOString(),
    createdBy: 'entrant-1',
    updatedAt: at(0).toISOString(),
    history: [],
    evidence: Object.fromEntries(evidence.map((e) => [e.evidenceId, e])),
  };
}

function item(id: string, status: EvidenceItem['status'], overrides: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    evidenceId: id,
    fileName: `${id}.pdf`,
    contentType: PDF,
    size: 100,
    key: `entries/E1/${id}/${id}.pdf`,
    status,
    createdAt: at(0).toISOString(),
    uploadExpiresAt: at(WINDOW).toISOString(),
    updatedAt: at(0).toISOString(),
    ...overrides,
  };
}

const grantOf = (id: string, now = at(0)) => ({
  evidenceId: id,
  fileName: `${id}.pdf`,
  contentType: PDF as typeof PDF,
  size: 100,
  key: `entries/E1/${id}/${id}.pdf`,
  uploadExpiresAt: new Date(now.getTime() + WINDOW).toISOString(),
});

const object = (overrides: Partial<StoredObject> = {}): StoredObject => ({
  size: 100,
  etag: '"abc"',
  lastModified: at(1000),
  contentType: PDF,
  ...overrides,
});
const PASS = { ok: true } as const;

describe('grantEvidence', () => {
  it('adds a pending item without moving the version the client holds', () => {
    // Act
    const next = grantEvidence(draft(), { maxEvidenceFiles: 2 }, grantOf('A'), at(0));

    // Assess
    expect(next.evidence.A).toMatchObject({ status: 'pending', fileName: 'A.pdf', size: 100 });
    expect(next.version).toBe(3);
    expect(next.revision).toBe(8);
  });

  it('refuses past the limit, counting available files and uploads in progress', () => {
    const entry = draft([item('A', 'available'), item('B', 'pending')]);
    expect(() => grantEvidence(entry, { maxEvidenceFiles: 2 }, grantOf('C'), at(0))).toThrow(ConflictError);
  });

  it('does not count rejected files, nor pending ones whose link and grace have passed', () => {
    // Prepare
    const entry = draft([item('A', 'rejected'), item('B', 'pending')]);
    const later = at(WINDOW + GRACE + 1);

    // Act
    const next = grantEvidence(entry, { maxEvidenceFiles: 1 }, grantOf('C', later), later);

    // Assess: the expired pending item is dropped, so its late file finds nothing to fill.
    expect(Object.keys(next.evidence).sort()).toEqual(['A', 'C']);
  });

  it('still counts a pending item during the grace after its link expired', () => {
    const entry = draft([item('B', 'pending')]);
    const inGrace = at(WINDOW + GRACE - 1);
    expect(() => grantEvidence(entry, { maxEvidenceFiles: 1 }, grantOf('C', inGrace), inGrace)).toThrow(ConflictError);
  });

  it(`keeps only the newest ${KEEP_REJECTED} rejected items`, () => {
    // Prepare
    const rejected = Array.from({ length: KEEP_REJECTED + 5 }, (_, i) =>
      item(`R${String(i).padStart(3, '0')}`, 'rejected'),
    );

    // Act
    const next = grantEvidence(draft(rejected), { maxEvidenceFiles: 1 }, grantOf('Z'), at(0));

    // Assess
    const kept = Object.values(next.evidence).filter((e) => e.status === 'rejected');
    expect(kept).toHaveLength(KEEP_REJECTED);
    expect(kept.map((e) => e.evidenceId)).not.toContain('R000');
  });

  it('refuses a file name whose extension does not go with the declared type', () => {
    expect(() =>
      grantEvidence(draft(), { maxEvidenceFiles: 1 }, { ...grantOf('A'), fileName: 'report.exe' }, at(0)),
    ).toThrow(InvalidError);
  });

  it('refuses on an entry that is no longer a draft', () => {
    expect(() => grantEvidence(draft([], 'submitted'), { maxEvidenceFiles: 1 }, grantOf('A'), at(0))).toThrow(
      ConflictError,
    );
  });
});

describe('settleUpload', () => {
  const ref = { evidenceId: 'A', key: 'entries/E1/A/A.pdf' };

  it('makes a pending item available when size, type and first bytes agree, recording it', () => {
    // Act
    const result = settleUpload(draft([item('A', 'pending')]), ref, object(), PASS, at(2000));

    // Assess
    expect(result).toMatchObject({ outcome: 'available', object: 'keep' });
    expect(result.entry!.evidence.A).toMatchObject({ status: 'available', etag: '"abc"' });
    expect(result.entry!.history).toEqual([expect.objectContaining({ action: 'evidence' })]);
    expect(result.entry!.version).toBe(3);
  });

  it.each([
    ['a size other than declared', object({ size: 101 }), PASS, /101 bytes but 100 were declared/],
    ['another stored type', object({ contentType: 'image/png' }), PASS, /stored as image\/png/],
    ['first bytes of another type', object(), { ok: false, reason: 'starts like a PNG image' }, /PNG/],
    ['an arrival after the link and grace', object({ lastModified: at(WINDOW + GRACE + 1000) }), PASS, /expired/],
  ] as const)('rejects %s and deletes the object', (_label, stored, sniff, reason) => {
    const result = settleUpload(draft([item('A', 'pending')]), ref, stored, sniff, at(2000));
    expect(result).toMatchObject({ outcome: 'rejected', object: 'delete' });
    expect(result.entry!.evidence.A!.rejectedReason).toMatch(reason);
  });

  it('rejects a file that lands after the entry left draft', () => {
    const result = settleUpload(draft([item('A', 'pending')], 'submitted'), ref, object(), PASS, at(2000));
    expect(result).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/submitted/) });
  });

  it.each([
    ['no entry', undefined],
    ['no such item', draft([])],
    ['an item with another key', draft([item('A', 'pending', { key: 'entries/E1/A/other.pdf' })])],
  ])('deletes an object when there is %s, changing nothing', (_label, entry) => {
    const result = settleUpload(entry, ref, object(), PASS, at(2000));
    expect(result).toEqual({ outcome: 'unchanged', entry, object: 'delete' });
  });

  it('keeps a pending item pending when its object is already gone', () => {
    const entry = draft([item('A', 'pending')]);
    expect(settleUpload(entry, ref, undefined, undefined, at(2000))).toEqual({
      outcome: 'unchanged',
      entry,
      object: 'keep',
    });
  });

  it('rejects an available file whose object was replaced after the check', () => {
    const entry = draft([item('A', 'available', { etag: '"abc"' })]);
    const result = settleUpload(entry, ref, object({ etag: '"def"' }), PASS, at(2000));
    expect(result).toMatchObject({ outcome: 'rejected', object: 'delete' });
  });

  it('is idempotent: settling the same object again changes nothing (law)', () => {
    fc.assert(
      fc.property(
        fc.record({
          size: fc.integer({ min: 1, max: 200 }),
          late: fc.boolean(),
          typeMatches: fc.boolean(),
          sniffOk: fc.boolean(),
          status: fc.constantFrom<Entry['status']>('draft', 'submitted'),
        }),
        ({ size, late, typeMatches, sniffOk, status }) => {
          const stored = object({
            size,
            lastModified: late ? at(WINDOW + GRACE + 1) : at(1000),
            contentType: typeMatches ? PDF : 'image/png',
          });
          const sniff = sniffOk ? PASS : { ok: false as const, reason: 'no' };
          const first = settleUpload(draft([item('A', 'pending')], status), ref, stored, sniff, at(2000));
          const second = settleUpload(first.entry, ref, stored, sniff, at(3000));
          expect(first.outcome).not.toBe('unchanged');
          expect(second.outcome).toBe('unchanged');
          expect(second.entry).toBe(first.entry);
          expect(second.object).toBe(first.object);
        },
      ),
    );
  });
});

describe('the file limit (law)', () => {
  type Step =
    | { kind: 'grant'; id: number }
    | { kind: 'settle'; id: number; ok: boolean; lateEvent: boolean }
    | { kind: 'remove'; id: number }
    | { kind: 'wait'; ms: number };

  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('grant' as const), id: fc.nat(30) }),
    fc.record({ kind: fc.constant('settle' as const), id: fc.nat(30), ok: fc.boolean(), lateEvent: fc.boolean() }),
    fc.record({ kind: fc.constant('remove' as const), id: fc.nat(30) }),
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: WINDOW + GRACE + 10_000 }) }),
  );

  it('never lets available plus pending files exceed the limit, whatever the order and timing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.array(step, { maxLength: 60 }), (max, steps) => {
        let entry = draft();
        let clock = 0;
        for (const s of steps) {
          const now = at(clock);
          const id = `ID${String(s.kind === 'wait' ? 0 : s.id).padStart(2, '0')}`;
          try {
            if (s.kind === 'grant' && !entry.evidence[id]) {
              entry = grantEvidence(entry, { maxEvidenceFiles: max }, grantOf(id, now), now);
            } else if (s.kind === 'settle') {
              const existing = entry.evidence[id];
              // A late event for an object that landed inside its window (as S3 allows).
              const landed = existing ? new Date(Date.parse(existing.createdAt) + 1000) : now;
              const stored = object({ lastModified: s.lateEvent ? landed : now });
              const key = existing?.key ?? `entries/E1/${id}/${id}.pdf`;
              const result = settleUpload(
                entry,
                { evidenceId: id, key },
                stored,
                s.ok ? PASS : { ok: false, reason: 'x' },
                now,
              );
              entry = result.entry ?? entry;
            } else if (s.kind === 'remove') {
              entry = removeEvidence(entry, id, 'entrant-1', now);
            } else if (s.kind === 'wait') {
              clock += s.ms;
            }
          } catch (error) {
            if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
          }
          const items = Object.values(entry.evidence);
          const held = items.filter((e) => e.status === 'available' || e.status === 'pending').length;
          expect(held).toBeLessThanOrEqual(max);
          expect(countedFiles(entry, at(clock))).toBeLessThanOrEqual(max);
        }
      }),
    );
  });
});

describe('reading evidence', () => {
  it('lists items oldest first, showing a pending item whose link expired as rejected', () => {
    const entry = draft([item('B', 'available'), item('A', 'pending')]);
    const list = evidenceList(entry, at(WINDOW + GRACE + 1));
    expect(list.map((i) => [i.evidenceId, i.status])).toEqual([
      ['A', 'rejected'],
      ['B', 'available'],
    ]);
    expect(list[0]!.rejectedReason).toMatch(/expired/);
    expect(list[1]).not.toHaveProperty('key');
  });

  it('hands out only available files: 404 for none, 409 for pending or rejected', () => {
    const entry = draft([item('A', 'available'), item('B', 'pending'), item('C', 'rejected')]);
    expect(downloadableEvidence(entry, 'A', at(0)).key).toBe(entry.evidence.A!.key);
    expect(() => downloadableEvidence(entry, 'B', at(0))).toThrow(ConflictError);
    expect(() => downloadableEvidence(entry, 'C', at(0))).toThrow(ConflictError);
    expect(() => downloadableEvidence(entry, 'X', at(0))).toThrow(NotFoundError);
  });
});

describe('a blind category', () => {
  it("hides the entrant's file names from its judges, in the list and in the download", () => {
    const entry = draft([item('A', 'available'), item('B', 'available')]);
    expect(evidenceList(entry, at(0), true).map((i) => i.fileName)).toEqual(['Evidence 1.pdf', 'Evidence 2.pdf']);
    expect(downloadableEvidence(entry, 'B', at(0), true).fileName).toBe('Evidence 2.pdf');
    expect(evidenceList(entry, at(0)).map((i) => i.fileName)).toEqual([
      entry.evidence.A!.fileName,
      entry.evidence.B!.fileName,
    ]);
  });
});

describe('removeEvidence', () => {
  it('removes the item from a draft and records it', () => {
    const next = removeEvidence(draft([item('A', 'available')]), 'A', 'entrant-1', at(0));
    expect(next.evidence).toEqual({});
    expect(next.history).toEqual([expect.objectContaining({ by: 'entrant-1', action: 'evidence' })]);
  });

  it('refuses on a submitted entry, and answers 404 for an unknown item', () => {
    expect(() => removeEvidence(draft([item('A', 'available')], 'submitted'), 'A', 'u', at(0))).toThrow(ConflictError);
    expect(() => removeEvidence(draft(), 'A', 'u', at(0))).toThrow(NotFoundError);
  });
});
