import { canReadEntry } from '../../domain/entries/entry-access.js';
import { NotFoundError, PreconditionFailedError } from '../../domain/errors.js';
import type { SignedIn } from '../../domain/principal.js';
import { writeScore } from '../../domain/scoring/score-rules.js';
import type { Category } from '../../domain/categories.js';
import type { Score, ScoreInput } from '../../domain/scoring/score.js';
import { markScoringStarted } from '../../store/categories.js';
import { findScoreContext, insertScore, saveScore } from '../../store/scores.js';
import { getCategoryAndProgramme } from '../programmes.js';

/**
 * A judge saves their score sheet for an entry they are assigned to (anyone else is told the entry
 * does not exist). The first sheet saved in a category freezes its criteria: the freeze is one atomic
 * write that returns the criteria in force, and the sheet is checked against those.
 */
export async function saveMyScore(
  principal: SignedIn,
  entryId: string,
  input: ScoreInput,
  expectedVersion: number | undefined,
  now: Date,
): Promise<Score> {
  const judgeId = principal.userId;
  // Every key is known from the path and the caller: the entry, the assignment and the sheet so far
  // come back in one round trip, the category and programme the entry names in a second.
  const { entry, assignment, score: current } = await findScoreContext(entryId, judgeId);
  // Assigned is not enough: a judge never scores their own organisation's entry, even one assigned
  // to them before their organisation was known.
  if (!entry || !assignment || !canReadEntry(principal, entry, true)) throw new NotFoundError('No such entry.');
  const { category, programme } = await getCategoryAndProgramme(entry.categoryId, entry.programmeId);
  const write = (criteria: Category) =>
    writeScore({ current, input, expectedVersion, entry, category: criteria, programme, judgeId, now });
  let score = write(category);
  // Only the category's first sheet freezes its criteria; once frozen they stay frozen, so no write.
  if (!category.scoringStarted) score = write(await markScoringStarted(category.categoryId));
  const stored = current ? await saveScore(score, current.version) : await insertScore(score);
  if (!stored) throw new PreconditionFailedError('The score changed since you read it.');
  return score;
}
