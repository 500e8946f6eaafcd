import type { Judge } from '../domain/judging/judge.js';
import { scoreStatusOf, type ScoreStatus } from '../domain/judging/scoring-state.js';
import { keys, type Round } from './keys.js';
import { allInIndex, allUnderPrefix, listPartition, withoutKeys, type ListRequest } from './list-page.js';
import { getItem, getMany, putIfVersion, putNew, queryAll } from './table.js';

const toItem = (j: Judge) => ({
  ...keys.judge(j.programmeId, j.userId),
  ...keys.programmesOfJudge(j.userId),
  gsi2sk: j.programmeId,
  ...j,
});

/** Adds a judge to a programme; false when the user is already one of its judges. */
export const insertJudge = (judge: Judge): Promise<boolean> => putNew(toItem(judge));

export async function findJudge(programmeId: string, userId: string): Promise<Judge | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.judge(programmeId, userId));
  return item ? withoutKeys<Judge>(item) : undefined;
}

/** Writes a changed judge if nobody wrote since it was read at `expectedVersion`; false otherwise. */
export const saveJudge = (judge: Judge, expectedVersion: number): Promise<boolean> =>
  putIfVersion(toItem(judge), expectedVersion);

/** Every judge of a programme (a programme has tens of judges, not thousands). */
export async function allJudgesOfProgramme(programmeId: string): Promise<Judge[]> {
  return allUnderPrefix<Judge>(keys.judgesOfProgramme(programmeId));
}

export const listJudges = (programmeId: string, request: ListRequest) => {
  const { pk, skPrefix } = keys.judgesOfProgramme(programmeId);
  return listPartition(
    'table',
    { attribute: 'pk', value: pk, sortAttribute: 'sk', sortPrefix: skPrefix },
    request,
    withoutKeys<Judge>,
  );
};

/** The user's judge records, one per programme they judge in. */
export async function judgeRecordsOfUser(userId: string): Promise<Judge[]> {
  return allInIndex<Judge>('gsi2', keys.programmesOfJudge(userId).gsi2pk);
}

/**
 * The organisation each of the user's judge records names as their own (one per programme they judge
 * in): one Query, projected, so the usual check that nothing changed carries no conflicts or history.
 */
export async function ownOrganisationsOfUser(userId: string): Promise<Pick<Judge, 'programmeId' | 'orgCode'>[]> {
  return queryAll<Pick<Judge, 'programmeId' | 'orgCode'>>({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.programmesOfJudge(userId).gsi2pk },
    ProjectionExpression: 'programmeId, orgCode',
  });
}

/** How {@link scoreStatuses} keys its answer. */
export const pairKey = (entryId: string, judgeId: string) => `${entryId}#${judgeId}`;

/**
 * How far each judge has got with each entry (`missing`, `draft`, `final`), read from the score
 * items in batches; the map is keyed `entryId#judgeId`.
 */
export async function scoreStatuses(
  pairs: readonly { entryId: string; judgeId: string }[],
  round: Round = 1,
): Promise<Map<string, ScoreStatus>> {
  const found = await getMany<{ final?: unknown }>(
    pairs.map((p) => keys.score(p.entryId, p.judgeId, round)),
    ['final'],
  );
  return new Map(
    pairs.map((p) => [
      pairKey(p.entryId, p.judgeId),
      scoreStatusOf(found.get(keys.score(p.entryId, p.judgeId, round))),
    ]),
  );
}

/** The status of one judge's score for one entry. */
export async function scoreStatus(entryId: string, judgeId: string, round: Round = 1): Promise<ScoreStatus> {
  return scoreStatusOf(await getItem<{ final?: unknown }>(keys.score(entryId, judgeId, round)));
}

/**
 * Every judge of a programme, read strongly consistently: for a writer of assignments that must see
 * a conflict declared a moment ago (the plain {@link allJudgesOfProgramme} may read a stale copy in AWS).
 */
export async function currentJudgesOfProgramme(programmeId: string): Promise<Judge[]> {
  const { pk, skPrefix } = keys.judgesOfProgramme(programmeId);
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
    ConsistentRead: true,
  });
  return items.map(withoutKeys<Judge>);
}

/** Some judges of a programme by user id, in one strongly consistent BatchGet; absent ones are left out. */
export async function judgesByIds(programmeId: string, userIds: readonly string[]): Promise<Map<string, Judge>> {
  const found = await getMany(userIds.map((userId) => keys.judge(programmeId, userId)));
  return new Map(
    userIds.flatMap((userId) => {
      const item = found.get(keys.judge(programmeId, userId));
      return item ? [[userId, withoutKeys<Judge>(item)] as const] : [];
    }),
  );
}
