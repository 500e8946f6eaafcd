import fc from 'fast-check';
import { entryFeedback } from '../../../shared/domain/scoring/feedback.js';

const criteria = [
  { id: 'impact', name: 'Impact', maxScore: 10 },
  { id: 'reach', name: 'Reach', maxScore: 5 },
];
const sheet = (impact: number, reach: number, comment: string, final = true) => ({
  scores: { impact, reach },
  comment,
  final,
});

describe('entryFeedback', () => {
  it('gives the mean mark per criterion in its own units, from final scores only', () => {
    // Act: the draft's marks would pull the means down
    const feedback = entryFeedback(criteria, [sheet(8, 4, 'a'), sheet(6, 3, 'b'), sheet(0, 0, 'draft', false)]);

    // Assess
    expect(feedback.judgeCount).toBe(2);
    expect(feedback.criteria).toEqual([
      { id: 'impact', name: 'Impact', maxScore: 10, mean: 7 },
      { id: 'reach', name: 'Reach', maxScore: 5, mean: 3.5 },
    ]);
    expect(feedback.comments).toEqual(['a', 'b']);
  });

  it('carries no judge, no individual marks and no blank comments', () => {
    // Act
    const feedback = entryFeedback(criteria, [
      { ...sheet(8, 4, '  '), judgeId: 'J1' } as never,
      { ...sheet(6, 3, ' Clear plan '), judgeId: 'J2' } as never,
    ]);

    // Assess
    expect(JSON.stringify(feedback)).not.toMatch(/J1|J2|judgeId/);
    expect(feedback.comments).toEqual(['Clear plan']);
  });

  it('orders comments by their text, so the order says nothing about who wrote them (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), fc.integer(), (comments, shift) => {
        const sheets = comments.map((comment) => sheet(5, 2, comment));
        const rotated = sheets.map((_, i) => sheets[(i + Math.abs(shift)) % sheets.length]!);
        expect(entryFeedback(criteria, rotated).comments).toEqual(entryFeedback(criteria, sheets).comments);
      }),
    );
  });

  it('has no means before anybody scored', () => {
    expect(entryFeedback(criteria, []).criteria.map((c) => c.mean)).toEqual([null, null]);
  });
});
