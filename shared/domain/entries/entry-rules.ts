import type { Category } from '../categories.js';
import { DeadlinePassedError, InvalidError, type FieldError } from '../errors.js';
import { newId } from '../ids.js';
import { entriesAreOpen, judgingHasStarted, type Programme } from '../programmes.js';
import type { Entry } from './entry.js';
import { moveEntry } from './transitions.js';
import { countWords } from './word-count.js';

/** A new draft for the caller's organisation; only while the programme takes entries. */
export function createDraft(args: {
  category: Category;
  programme: Programme;
  orgCode: string;
  title: string;
  by: string;
  now: Date;
}): Entry {
  const { category, programme, now } = args;
  if (!entriesAreOpen(programme, now)) {
    throw new DeadlinePassedError(`${programme.name} is not taking entries now.`);
  }
  const at = now.toISOString();
  return {
    entryId: newId(now),
    categoryId: category.categoryId,
    programmeId: programme.programmeId,
    orgCode: args.orgCode,
    title: args.title,
    answers: {},
    status: 'draft',
    version: 1,
    revision: 1,
    createdAt: at,
    createdBy: args.by,
    updatedAt: at,
    history: [{ at, by: args.by, action: 'created', to: 'draft' }],
    evidence: {},
  };
}

/** Answers to questions the category does not ask, and answers over their word limit. */
function answerProblems(category: Category, answers: Record<string, string>): FieldError[] {
  const questions = new Map(category.questions.map((q) => [q.id, q]));
  const problems: FieldError[] = [];
  for (const [id, answer] of Object.entries(answers)) {
    const question = questions.get(id);
    if (!question) {
      problems.push({ path: `answers.${id}`, message: 'this category asks no such question' });
      continue;
    }
    const words = countWords(answer);
    if (words > question.wordLimit) {
      problems.push({ path: `answers.${id}`, message: `${words} words; the limit is ${question.wordLimit}` });
    }
  }
  return problems;
}

/** Edits a draft's title and answers; only drafts change, and word limits hold at every save. */
export function editDraft(
  entry: Entry,
  category: Category,
  changes: { title?: string; answers?: Record<string, string> },
  by: string,
  now: Date,
): Entry {
  if (entry.status !== 'draft') throw new InvalidError(`Only a draft can be edited; this entry is ${entry.status}.`);
  const answers = { ...entry.answers, ...changes.answers };
  const problems = answerProblems(category, changes.answers ?? {});
  if (problems.length) throw new InvalidError('Some answers break the category rules.', problems);
  const fields = [
    ...(changes.title !== undefined ? ['title'] : []),
    ...Object.keys(changes.answers ?? {}).map((q) => `answers.${q}`),
  ];
  const at = now.toISOString();
  return {
    ...entry,
    title: changes.title ?? entry.title,
    answers,
    version: entry.version + 1,
    revision: entry.revision + 1,
    updatedAt: at,
    history: [...entry.history, { at, by, action: 'edited', note: fields.join(', ') }],
  };
}

/** Submits a complete draft before entries close: every required answer, within limits, and evidence to read. */
export function submitEntry(entry: Entry, category: Category, programme: Programme, by: string, now: Date): Entry {
  if (now.getTime() >= Date.parse(programme.entriesCloseAt)) {
    throw new DeadlinePassedError(`Entries closed at ${programme.entriesCloseAt}.`);
  }
  if (entry.status !== 'draft') throw new InvalidError(`Only a draft can be submitted; this entry is ${entry.status}.`);
  const problems = answerProblems(category, entry.answers);
  for (const question of category.questions) {
    if (question.required && countWords(entry.answers[question.id] ?? '') === 0) {
      problems.push({ path: `answers.${question.id}`, message: 'this question needs an answer' });
    }
  }
  if (!Object.values(entry.evidence).some((e) => e.status === 'available')) {
    problems.push({ path: 'evidence', message: 'attach at least one evidence file (uploaded and checked)' });
  }
  if (problems.length) throw new InvalidError('The entry is not ready to submit.', problems);
  return moveEntry(entry, 'submitted', by, now);
}

/** Withdraws a draft or submitted entry, until judging starts. */
export function withdrawEntry(entry: Entry, programme: Programme, by: string, now: Date): Entry {
  if (judgingHasStarted(programme, now)) {
    throw new DeadlinePassedError('Judging has started: the entry can no longer be withdrawn.');
  }
  return moveEntry(entry, 'withdrawn', by, now);
}
