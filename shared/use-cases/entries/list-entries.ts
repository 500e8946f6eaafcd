import { canReadEntry, entrySummary } from '../../domain/entries/entry-access.js';
import type { Entry, EntryStatus } from '../../domain/entries/entry.js';
import type { SignedIn } from '../../domain/principal.js';
import { pageOfJudgeAssignments } from '../../store/assignments.js';
import { allCategories } from '../../store/categories.js';
import { findEntries, listAllEntries, listEntriesOfCategory, listEntriesOfOrganisation } from '../../store/entries.js';
import type { ListPage } from '../../store/list-page.js';

export interface EntryListQuery {
  limit: number;
  cursor?: string | undefined;
  categoryId?: string | undefined;
  status?: EntryStatus | undefined;
}

/**
 * The entries a caller may list: an entrant their organisation's, a judge those assigned to them,
 * an organiser all (by category and status when asked). Every path is a Query on an index.
 */
export async function listEntries(principal: SignedIn, query: EntryListQuery) {
  const page = { limit: query.limit, cursor: query.cursor };
  const scope = (s: string) => ({ ...page, scope: `${principal.role}#${principal.userId}#${s}` });
  let result: ListPage<Entry>;
  if (principal.role === 'entrant') {
    result = await listEntriesOfOrganisation(principal.orgCode ?? '', scope(`org#${principal.orgCode}`));
  } else if (principal.role === 'judge') {
    const assignments = await pageOfJudgeAssignments(principal.userId, scope('assigned'));
    // Assigned, but never their own organisation's entry (it may have been assigned before that was known).
    const assigned = await findEntries(assignments.items.map((a) => a.entryId));
    result = {
      items: assigned.filter((entry) => canReadEntry(principal, entry, true)),
      ...(assignments.nextCursor ? { nextCursor: assignments.nextCursor } : {}),
    };
  } else if (query.categoryId) {
    result = await listEntriesOfCategory(
      query.categoryId,
      query.status,
      scope(`cat#${query.categoryId}#${query.status ?? ''}`),
    );
  } else {
    result = await listAllEntries(scope('all'));
  }
  const filtered =
    principal.role === 'organiser' || (!query.status && !query.categoryId)
      ? result.items
      : result.items.filter(
          (e) =>
            (!query.status || e.status === query.status) && (!query.categoryId || e.categoryId === query.categoryId),
        );
  const blindness = await blindCategories(filtered);
  return {
    items: filtered.map((e) => entrySummary(e, { blind: blindness.has(e.categoryId) }, principal)),
    ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
  };
}

async function blindCategories(entries: Entry[]): Promise<Set<string>> {
  const programmes = new Set(entries.map((e) => e.programmeId));
  const blind = new Set<string>();
  for (const programmeId of programmes) {
    for (const c of await allCategories(programmeId)) if (c.blind) blind.add(c.categoryId);
  }
  return blind;
}
