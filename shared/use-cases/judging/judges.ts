import { ConflictError } from '../../domain/errors.js';
import { judgeView, registerJudge, type Judge, type JudgeRegistration } from '../../domain/judging/judge.js';
import type { SignedIn } from '../../domain/principal.js';
import { allCategories } from '../../store/categories.js';
import { insertJudge, listJudges } from '../../store/judges.js';
import { getProgramme } from '../programmes.js';

/** An organiser makes a user a judge of a programme, on the panels of some of its categories. */
export async function addJudge(
  principal: SignedIn,
  programmeId: string,
  input: JudgeRegistration,
  now: Date,
): Promise<Judge> {
  await getProgramme(programmeId);
  const categories = await allCategories(programmeId);
  const judge = registerJudge(programmeId, input, new Set(categories.map((c) => c.categoryId)), principal.userId, now);
  if (!(await insertJudge(judge))) {
    throw new ConflictError(`${input.userId} is already a judge of this programme.`);
  }
  return judge;
}

/** One page of a programme's judges. */
export async function judgesOfProgramme(programmeId: string, page: { limit: number; cursor?: string | undefined }) {
  await getProgramme(programmeId);
  const result = await listJudges(programmeId, { ...page, scope: `judges#${programmeId}` });
  return { ...result, items: result.items.map(judgeView) };
}
