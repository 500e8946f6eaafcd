import type { Entry, EntryStatus } from '../entries/entry.js';
import { ConflictError } from '../errors.js';
import type { JudgingRound } from '../scoring/score.js';
import type { Shortlist } from './shortlist.js';

/** A finalist as published: what the public may know, captured when the shortlist went out. */
export interface Finalist {
  entryId: string;
  orgCode: string;
  title: string;
}

/**
 * The published shortlist: one immutable item, written once. The public results read only this
 * (and the winners), never the organiser's working shortlist or any score.
 */
export interface PublishedShortlist {
  categoryId: string;
  programmeId: string;
  round: JudgingRound;
  entryIds: string[];
  finalists: Finalist[];
  /** The shortlist version that was published. */
  shortlistVersion: number;
  overridden: boolean;
  reason?: string;
  publishedAt: string;
  publishedBy: string;
}

/** A status change publication or winners make to one entry. */
export interface EntryMove {
  entryId: string;
  to: EntryStatus;
}

type Headline = Pick<Entry, 'entryId' | 'orgCode' | 'title' | 'status'>;

/**
 * The snapshot of a decided shortlist. Every entry on it must still be submitted (an entry
 * withdrawn since the decision means the shortlist must be decided again).
 */
export function publishShortlist(
  shortlist: Shortlist,
  entries: ReadonlyMap<string, Headline>,
  by: string,
  now: Date,
): PublishedShortlist {
  const finalists = shortlist.entryIds.map((entryId) => {
    const entry = entries.get(entryId);
    if (!entry || entry.status !== 'submitted') {
      throw new ConflictError(
        `Entry ${entryId} is ${entry ? entry.status.replace('_', ' ') : 'gone'}: decide the shortlist again.`,
      );
    }
    return { entryId, orgCode: entry.orgCode, title: entry.title };
  });
  return {
    categoryId: shortlist.categoryId,
    programmeId: shortlist.programmeId,
    round: shortlist.round,
    entryIds: [...shortlist.entryIds],
    finalists,
    shortlistVersion: shortlist.version,
    overridden: shortlist.overridden,
    ...(shortlist.reason ? { reason: shortlist.reason } : {}),
    publishedAt: now.toISOString(),
    publishedBy: by,
  };
}

/**
 * What publishing does to the category's entries: each still-submitted entry becomes shortlisted or
 * not shortlisted. Entries that have already moved are left alone, so running the moves again (a
 * retried publish after a crash) only finishes what is left.
 */
export function publicationMoves(
  entries: readonly Pick<Entry, 'entryId' | 'status'>[],
  published: Pick<PublishedShortlist, 'entryIds'>,
): EntryMove[] {
  const shortlisted = new Set(published.entryIds);
  return entries
    .filter((entry) => entry.status === 'submitted')
    .map((entry) => ({
      entryId: entry.entryId,
      to: shortlisted.has(entry.entryId) ? 'shortlisted' : 'not_shortlisted',
    }));
}
