import type { Entry } from '../domain/entries/entry.js';
import type { Score } from '../domain/scoring/score.js';
import type { Assignment } from './assignments.js';
import { keys, type Round } from './keys.js';
import { allInIndex, allUnderPrefix, withoutKeys } from './list-page.js';
import { getItem, getMany, putAll, putIfVersion, putNew, queryAll } from './table.js';

/**
 * A score sheet lives beside its entry (`ENTRY#id`, `ROUND#r#SCORE#judge`), so an entry's scores are
 * one Query, and is indexed on gsi1 under its category, so results read a category's scores in one
 * (paged) Query.
 */
const toItem = (s: Score) => ({
  ...keys.score(s.entryId, s.judgeId, s.round),
  ...keys.scoresOfCategory(s.categoryId, s.round),
  gsi1sk: `${s.entryId}#${s.judgeId}`,
  ...s,
});

export async function findScore(entryId: string, judgeId: string, round: Round = 1): Promise<Score | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.score(entryId, judgeId, round));
  return item ? withoutKeys<Score>(item) : undefined;
}

/** Stores a judge's first sheet for an entry; false when one was stored meanwhile. */
export const insertScore = (score: Score): Promise<boolean> => putNew(toItem(score));

/** Replaces a sheet if it is still at `expected`; false when someone (the judge, in another tab) wrote first. */
export const saveScore = (score: Score, expected: number): Promise<boolean> => putIfVersion(toItem(score), expected);

/** Every sheet of an entry in a round, drafts included. */
export async function scoresOfEntry(entryId: string, round: Round = 1): Promise<Score[]> {
  return allUnderPrefix<Score>(keys.scoresOfEntry(entryId, round));
}

/** Every sheet of a category in a round, drafts included: one Query on gsi1, all pages. */
export async function scoresOfCategory(categoryId: string, round: Round = 1): Promise<Score[]> {
  return allInIndex<Score>('gsi1', keys.scoresOfCategory(categoryId, round).gsi1pk);
}

/** Writes many sheets at once (seed data, benchmarks); BatchWrite, 25 at a time, retrying what is left over. */
export async function insertScores(scores: readonly Score[]): Promise<void> {
  await putAll(scores.map(toItem));
}

/** What results need of a sheet: whose, for which entry, the marks, whether final, the comment. */
export type ScoreMarks = Pick<Score, 'entryId' | 'judgeId' | 'scores' | 'final' | 'comment'>;

/**
 * Every sheet of a category in a round, projected to what results need (one Query on gsi1, all
 * pages): a third of the bytes of whole items to carry and unmarshal for a large category.
 */
export async function scoreMarksOfCategory(categoryId: string, round: Round = 1): Promise<ScoreMarks[]> {
  return queryAll<ScoreMarks>({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.scoresOfCategory(categoryId, round).gsi1pk },
    ProjectionExpression: '#entryId, #judgeId, #scores, #final, #comment',
    ExpressionAttributeNames: {
      '#entryId': 'entryId',
      '#judgeId': 'judgeId',
      '#scores': 'scores',
      '#final': 'final',
      '#comment': 'comment',
    },
  });
}

/**
 * What saving a judge's sheet starts from, read together in one BatchGet (every key is known from the
 * entry id and the judge): the entry, the judge's assignment to it and their sheet so far, each
 * undefined when absent.
 */
export async function findScoreContext(
  entryId: string,
  judgeId: string,
  round: Round = 1,
): Promise<{ entry?: Entry | undefined; assignment?: Assignment | undefined; score?: Score | undefined }> {
  const entryKey = keys.entry(entryId);
  const assignmentKey = keys.assignment(entryId, judgeId, round);
  const scoreKey = keys.score(entryId, judgeId, round);
  const found = await getMany([entryKey, assignmentKey, scoreKey]);
  const item = <T>(key: typeof entryKey) => {
    const stored = found.get(key);
    return stored ? withoutKeys<T>(stored) : undefined;
  };
  return { entry: item<Entry>(entryKey), assignment: item<Assignment>(assignmentKey), score: item<Score>(scoreKey) };
}
