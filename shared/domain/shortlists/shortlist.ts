import { ConflictError, InvalidError, type FieldError } from '../errors.js';
import type { JudgingRound } from '../scoring/score.js';

/** One decision about a category's shortlist, kept in the shortlist item's history. */
export interface ShortlistDecision {
  at: string;
  by: string;
  entryIds: string[];
  overridden: boolean;
  reason?: string;
}

/**
 * An organiser's current shortlist for a category: versioned, changeable until it is published.
 * `proposed` is what the results proposed at the time, so an override can always be seen as one.
 */
export interface Shortlist {
  categoryId: string;
  programmeId: string;
  round: JudgingRound;
  entryIds: string[];
  proposed: string[];
  /** The list differs from the proposal: the organiser overrode the scores, and said why. */
  overridden: boolean;
  reason?: string;
  version: number;
  decidedAt: string;
  decidedBy: string;
  history: ShortlistDecision[];
}

const sameMembers = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
};

export interface ShortlistChoice {
  category: { categoryId: string; programmeId: string };
  current: Shortlist | undefined;
  /** The entries the results propose (ranked within the shortlist size, boundary ties included). */
  proposal: readonly string[];
  /** Entries that may be shortlisted: the category's submitted entries. */
  eligible: ReadonlySet<string>;
  /** The organiser's own list; absent means "take the proposal". */
  chosen?: readonly string[] | undefined;
  reason?: string | undefined;
  published: boolean;
  by: string;
  now: Date;
  round?: JudgingRound;
}

/**
 * Decides a category's shortlist: the proposal by default, or the organiser's own list. A list that
 * differs from the proposal overrides the judges' scores and so needs a reason, which is recorded.
 * Every entry must be a submitted entry of the category, named once; the list cannot be empty; and
 * once published the shortlist no longer changes.
 */
export function decideShortlist(choice: ShortlistChoice): Shortlist {
  if (choice.published) throw new ConflictError('The shortlist is published and can no longer change.');
  const entryIds = [...(choice.chosen ?? choice.proposal)];
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  entryIds.forEach((entryId, i) => {
    if (seen.has(entryId)) problems.push({ path: `body.entryIds.${i}`, message: 'is listed twice' });
    else if (!choice.eligible.has(entryId)) {
      problems.push({ path: `body.entryIds.${i}`, message: 'is not a submitted entry of this category' });
    }
    seen.add(entryId);
  });
  if (entryIds.length === 0) {
    problems.push(
      choice.chosen
        ? { path: 'body.entryIds', message: 'the shortlist needs at least one entry' }
        : { path: 'body.entryIds', message: 'no entry has a final score yet, so there is nothing to propose' },
    );
  }
  const overridden = !sameMembers(entryIds, choice.proposal);
  const reason = choice.reason?.trim();
  if (overridden && !reason) {
    problems.push({ path: 'body.reason', message: 'a shortlist that differs from the proposal needs a reason' });
  }
  if (problems.length > 0) throw new InvalidError('The shortlist breaks a rule.', problems);

  const at = choice.now.toISOString();
  const decision: ShortlistDecision = { at, by: choice.by, entryIds, overridden, ...(reason ? { reason } : {}) };
  return {
    categoryId: choice.category.categoryId,
    programmeId: choice.category.programmeId,
    round: choice.round ?? 1,
    entryIds,
    proposed: [...choice.proposal],
    overridden,
    ...(reason ? { reason } : {}),
    version: (choice.current?.version ?? 0) + 1,
    decidedAt: at,
    decidedBy: choice.by,
    history: [...(choice.current?.history ?? []), decision],
  };
}
