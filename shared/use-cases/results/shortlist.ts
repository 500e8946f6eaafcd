import { ConflictError, NotFoundError, PreconditionFailedError } from '../../domain/errors.js';
import type { SignedIn } from '../../domain/principal.js';
import { proposedShortlist } from '../../domain/results/compute-results.js';
import { publicationMoves, publishShortlist, type PublishedShortlist } from '../../domain/shortlists/publication.js';
import { decideShortlist, type Shortlist } from '../../domain/shortlists/shortlist.js';
import { entryHeadlinesOfCategory } from '../../store/entries.js';
import {
  findPublishedShortlist,
  findShortlist,
  insertPublishedShortlist,
  saveShortlist,
} from '../../store/shortlists.js';
import { getCategory } from '../programmes.js';
import { judgedCategory } from './judged-category.js';
import { moveEntries } from './move-entries.js';

/**
 * An organiser decides a category's shortlist: the proposal from the results, or their own list with
 * a reason. With If-Match, only if the shortlist is still at that version; either way the write is
 * conditional on the version read, so two organisers never overwrite each other silently.
 */
export async function decideCategoryShortlist(
  principal: SignedIn,
  categoryId: string,
  body: { entryIds?: string[] | undefined; reason?: string | undefined },
  expectedVersion: number | undefined,
  now: Date,
): Promise<Shortlist> {
  const [{ category, entries, results }, current, published] = await Promise.all([
    judgedCategory(categoryId),
    findShortlist(categoryId),
    findPublishedShortlist(categoryId),
  ]);
  if (expectedVersion !== undefined && current?.version !== expectedVersion) {
    throw new PreconditionFailedError('The shortlist changed since you read it.');
  }
  const shortlist = decideShortlist({
    category,
    current,
    proposal: proposedShortlist(results),
    eligible: new Set(entries.filter((entry) => entry.status === 'submitted').map((entry) => entry.entryId)),
    chosen: body.entryIds,
    reason: body.reason,
    published: published !== undefined,
    by: principal.userId,
    now,
  });
  if (!(await saveShortlist(shortlist, current?.version))) {
    throw new PreconditionFailedError('The shortlist changed since you read it.');
  }
  return shortlist;
}

/** The category's decided shortlist, and whether it has been published. */
export async function categoryShortlist(categoryId: string) {
  await getCategory(categoryId);
  const [shortlist, published] = await Promise.all([findShortlist(categoryId), findPublishedShortlist(categoryId)]);
  if (!shortlist) throw new NotFoundError('No shortlist has been decided for this category yet.');
  return { shortlist, published: published ?? null };
}

/**
 * Publishes the decided shortlist: first ONE immutable snapshot item (the public results read only
 * that), then each submitted entry becomes shortlisted or not shortlisted. A second publish is
 * refused (409); a publish retried after a crash between the two steps finishes the moves instead.
 */
export async function publishCategoryShortlist(
  principal: SignedIn,
  categoryId: string,
  now: Date,
): Promise<PublishedShortlist> {
  await getCategory(categoryId);
  const [shortlist, entries, existing] = await Promise.all([
    findShortlist(categoryId),
    entryHeadlinesOfCategory(categoryId),
    findPublishedShortlist(categoryId),
  ]);
  let published = existing;
  let fresh = false;
  if (!published) {
    if (!shortlist) throw new ConflictError('Decide the shortlist before publishing it.');
    const snapshot = publishShortlist(shortlist, new Map(entries.map((e) => [e.entryId, e])), principal.userId, now);
    fresh = await insertPublishedShortlist(snapshot);
    published = fresh ? snapshot : await findPublishedShortlist(categoryId);
    if (!published) throw new ConflictError('The shortlist is being published; try again.');
  }
  const moves = publicationMoves(entries, published);
  if (!fresh && moves.length === 0) throw new ConflictError('The shortlist of this category is already published.');
  await moveEntries(
    moves.map((move) => ({ ...move, from: 'submitted' as const })),
    principal.userId,
    now,
    'shortlist published',
  );
  return published;
}
