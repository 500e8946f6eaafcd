import type { PublishedShortlist } from '../domain/shortlists/publication.js';
import type { Shortlist } from '../domain/shortlists/shortlist.js';
import type { Winners } from '../domain/shortlists/winners.js';
import { keys, type Round } from './keys.js';
import { withoutKeys } from './list-page.js';
import { getItem, putIfVersion, putNew } from './table.js';

/** The organiser's working shortlist of a category: one versioned item beside the category. */
export async function findShortlist(categoryId: string, round: Round = 1): Promise<Shortlist | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.shortlist(categoryId, round));
  return item ? withoutKeys<Shortlist>(item) : undefined;
}

/**
 * Stores a shortlist decision: the first one only if none exists, a later one only if the stored
 * version is still the one it replaces. False when another decision landed first.
 */
export function saveShortlist(shortlist: Shortlist, replacing: number | undefined): Promise<boolean> {
  const item = { ...keys.shortlist(shortlist.categoryId, shortlist.round), ...shortlist };
  return replacing === undefined ? putNew(item) : putIfVersion(item, replacing);
}

export async function findPublishedShortlist(
  categoryId: string,
  round: Round = 1,
): Promise<PublishedShortlist | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.publishedShortlist(categoryId, round));
  return item ? withoutKeys<PublishedShortlist>(item) : undefined;
}

/** Writes the immutable published snapshot; false when the category's shortlist was already published. */
export const insertPublishedShortlist = (published: PublishedShortlist): Promise<boolean> =>
  putNew({ ...keys.publishedShortlist(published.categoryId, published.round), ...published });

export async function findWinners(categoryId: string): Promise<Winners | undefined> {
  const item = await getItem<Record<string, unknown>>(keys.winners(categoryId));
  return item ? withoutKeys<Winners>(item) : undefined;
}

/** Writes the immutable winners item; false when the category's winners were already decided. */
export const insertWinners = (winners: Winners): Promise<boolean> =>
  putNew({ ...keys.winners(winners.categoryId), ...winners });
