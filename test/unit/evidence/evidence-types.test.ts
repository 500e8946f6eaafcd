import {
  EVIDENCE_CONTENT_TYPES,
  EvidenceContentTypeSchema,
  EvidenceSizeSchema,
  hasExpectedExtension,
  MAX_EVIDENCE_BYTES,
} from '../../../shared/evidence/evidence-types.js';

describe('evidence types', () => {
  it('allows PDF, Word, PowerPoint, Excel (old and new formats), PNG and JPEG', () => {
    // Act
    const parsed = EVIDENCE_CONTENT_TYPES.map((type) => EvidenceContentTypeSchema.safeParse(type).success);

    // Assess
    expect(EVIDENCE_CONTENT_TYPES).toHaveLength(9);
    expect(parsed.every(Boolean)).toBe(true);
  });

  it.each(['text/html', 'application/zip', 'image/svg+xml', 'application/x-msdownload', 'application/PDF', ''])(
    'refuses %j as an evidence type',
    (type) => {
      // Act
      const result = EvidenceContentTypeSchema.safeParse(type);

      // Assess
      expect(result.success).toBe(false);
    },
  );

  it('caps evidence at 25 MiB and refuses an empty file', () => {
    // Act
    const atCap = EvidenceSizeSchema.safeParse(MAX_EVIDENCE_BYTES).success;
    const overCap = EvidenceSizeSchema.safeParse(MAX_EVIDENCE_BYTES + 1).success;
    const empty = EvidenceSizeSchema.safeParse(0).success;

    // Assess
    expect(MAX_EVIDENCE_BYTES).toBe(26_214_400);
    expect([atCap, overCap, empty]).toEqual([true, false, false]);
  });

  it.each([
    ['Report.PDF', 'application/pdf', true],
    ['photo.jpg', 'image/jpeg', true],
    ['photo.jpeg', 'image/jpeg', true],
    ['minutes.exe', 'application/pdf', false],
    ['slides.pptx', 'application/vnd.ms-powerpoint', false],
    ['no-extension', 'application/pdf', false],
  ] as const)('judges the extension of %j for %s: %p', (fileName, contentType, expected) => {
    // Act
    const matches = hasExpectedExtension(fileName, contentType);

    // Assess
    expect(matches).toBe(expected);
  });
});
