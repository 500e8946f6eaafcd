import { TIE_TOLERANCE } from './rank-entries.js';
import { seededRandom } from './seeded-random.js';

/**
 * For each entry, the share of bootstrap rounds in which it lands inside the top `shortlistSize`.
 *
 * Each round redraws every entry's panel from its own judges, with replacement (an entry judged by
 * A, B, C may be scored as A, A, C), takes the mean of the drawn judges' normalised marks, and re-ranks.
 * It answers the organiser's question "would another draw of this entry's judges have changed whether
 * it made the shortlist?". Judges' normalisation is not re-estimated per round: it rests on all of a
 * judge's marks in the category, which a redraw of one entry's panel barely moves.
 *
 * An entry with a single judge cannot vary on its own, so its share moves only as others do. Entries
 * tied on the boundary in a round split the remaining places evenly, so no tie is decided by order.
 *
 * @param panels each entry's judges' normalised marks, in a fixed entry order (the caller sorts by id
 *   so that the same input always consumes the random sequence the same way)
 * @returns shares in [0, 1], in the order of `panels`
 */
export function shortlistConfidence(
  panels: readonly (readonly number[])[],
  shortlistSize: number,
  rounds: number,
  seed: number,
): number[] {
  const count = panels.length;
  if (shortlistSize >= count) return panels.map(() => 1);
  if (shortlistSize <= 0) return panels.map(() => 0);
  const random = seededRandom(seed);
  const scores = new Float64Array(count);
  const sorted = new Float64Array(count);
  const inside = new Float64Array(count);
  for (let round = 0; round < rounds; round += 1) {
    for (let i = 0; i < count; i += 1) {
      const panel = panels[i]!;
      let sum = 0;
      for (let draw = 0; draw < panel.length; draw += 1) sum += panel[Math.floor(random() * panel.length)]!;
      scores[i] = sum / panel.length;
    }
    sorted.set(scores);
    sorted.sort();
    const threshold = sorted[count - shortlistSize]!;
    let above = 0;
    let atBoundary = 0;
    for (let i = 0; i < count; i += 1) {
      if (scores[i]! - threshold > TIE_TOLERANCE) above += 1;
      else if (Math.abs(scores[i]! - threshold) <= TIE_TOLERANCE) atBoundary += 1;
    }
    const share = (shortlistSize - above) / atBoundary;
    for (let i = 0; i < count; i += 1) {
      if (scores[i]! - threshold > TIE_TOLERANCE) inside[i]! += 1;
      else if (Math.abs(scores[i]! - threshold) <= TIE_TOLERANCE) inside[i]! += share;
    }
  }
  return Array.from(inside, (roundsInside) => roundsInside / rounds);
}
