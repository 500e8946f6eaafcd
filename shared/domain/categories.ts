import { ConflictError } from './errors.js';

export interface Question {
  id: string;
  prompt: string;
  wordLimit: number;
  required: boolean;
}

export interface Criterion {
  id: string;
  name: string;
  weight: number;
  maxScore: number;
  guidance?: string;
}

/** An award category (e.g. CCG of the Year): its questions, scoring criteria and panel settings. */
export interface Category {
  categoryId: string;
  programmeId: string;
  name: string;
  description: string;
  questions: Question[];
  criteria: Criterion[];
  judgesPerEntry: number;
  shortlistSize: number;
  maxEvidenceFiles: number;
  /** Judges see neither the organisation nor the title. */
  blind: boolean;
  /** Set by the first score saved; from then on the criteria are frozen. */
  scoringStarted?: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type CategoryChanges = Partial<
  Pick<
    Category,
    | 'name'
    | 'description'
    | 'questions'
    | 'criteria'
    | 'judgesPerEntry'
    | 'shortlistSize'
    | 'maxEvidenceFiles'
    | 'blind'
  >
>;

const sameCriteria = (a: Criterion[], b: Criterion[]) => JSON.stringify(a) === JSON.stringify(b);

/** Applies an organiser's changes; criteria cannot change once any score exists, or scores would mean different things. */
export function changeCategory(category: Category, changes: CategoryChanges, now: Date): Category {
  if (changes.criteria && category.scoringStarted && !sameCriteria(changes.criteria, category.criteria)) {
    throw new ConflictError('The criteria are frozen: judges have already scored against them.');
  }
  return { ...category, ...changes, version: category.version + 1, updatedAt: now.toISOString() };
}
