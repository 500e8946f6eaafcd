import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import type { Judge } from '../domain/judging/judge.js';
import { scoreStatusOf, type ScoreStatus } from '../domain/judging/scoring-state.js';
import { dynamo } from './clients.js';
import { keys, type Round } from './keys.js';
import { allInIndex, allUnderPrefix, listPartition, withoutKeys, type ListRequest } from './list-page.js';
import { getItem, putIfVersion, putNew } from './table.js';

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

interface BatchKeys {
  Keys: Record<string, unknown>[];
  ProjectionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
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
  const statuses = new Map<string, ScoreStatus>(pairs.map((p) => [pairKey(p.entryId, p.judgeId), 'missing']));
  const byKey = new Map(
    pairs.map((p) => {
      const key = keys.score(p.entryId, p.judgeId, round);
      return [`${key.pk}\n${key.sk}`, pairKey(p.entryId, p.judgeId)] as const;
    }),
  );
  const all = [...byKey.keys()].map((k) => {
    const [pk, sk] = k.split('\n') as [string, string];
    return { pk, sk };
  });
  for (let i = 0; i < all.length; i += 100) {
    let request: Record<string, BatchKeys> | undefined = {
      [config().TABLE_NAME]: {
        Keys: all.slice(i, i + 100),
        ProjectionExpression: 'pk, sk, #final',
        ExpressionAttributeNames: { '#final': 'final' },
      },
    };
    while (request && Object.keys(request).length > 0) {
      const out = await dynamo().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[config().TABLE_NAME] ?? []) {
        const pair = byKey.get(`${String(item.pk)}\n${String(item.sk)}`);
        if (pair) statuses.set(pair, scoreStatusOf(item));
      }
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return statuses;
}

/** The status of one judge's score for one entry. */
export async function scoreStatus(entryId: string, judgeId: string, round: Round = 1): Promise<ScoreStatus> {
  return scoreStatusOf(await getItem<{ final?: unknown }>(keys.score(entryId, judgeId, round)));
}
