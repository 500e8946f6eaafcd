import type { Finalist, PublishedShortlist } from './publication.js';
import type { Winners } from './winners.js';

export type PublicFinalistStatus = 'shortlisted' | 'winner' | 'highly_commended';

/** A finalist as anyone may see it: who, with what, and how it placed. Nothing about scores or judges. */
export interface PublicFinalist {
  organisation: string;
  title: string;
  status: PublicFinalistStatus;
}

export interface PublicCategoryResults {
  categoryId: string;
  name: string;
  status: 'published' | 'not_published';
  winnersAnnounced: boolean;
  finalists: PublicFinalist[];
}

const ORDER: Record<PublicFinalistStatus, number> = { winner: 0, highly_commended: 1, shortlisted: 2 };
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One category of the public results, built only from the published snapshots: a category whose
 * shortlist is not published shows no finalists at all. Finalists are listed winner first, then
 * highly commended, then the rest by organisation name — never in score order, which would let the
 * public read the judges' ranking off the list.
 */
export function publicCategoryResults(
  category: { categoryId: string; name: string },
  published: Pick<PublishedShortlist, 'finalists'> | undefined,
  winners: Pick<Winners, 'winner' | 'highlyCommended'> | undefined,
  organisationNames: ReadonlyMap<string, string>,
): PublicCategoryResults {
  const statusOf = (finalist: Finalist): PublicFinalistStatus =>
    winners?.winner === finalist.entryId
      ? 'winner'
      : winners?.highlyCommended.includes(finalist.entryId)
        ? 'highly_commended'
        : 'shortlisted';
  const finalists = (published?.finalists ?? [])
    .map((finalist) => ({
      organisation: organisationNames.get(finalist.orgCode) ?? finalist.orgCode,
      title: finalist.title,
      status: statusOf(finalist),
    }))
    .sort(
      (a, b) => ORDER[a.status] - ORDER[b.status] || byText(a.organisation, b.organisation) || byText(a.title, b.title),
    );
  return {
    categoryId: category.categoryId,
    name: category.name,
    status: published ? 'published' : 'not_published',
    winnersAnnounced: published !== undefined && winners !== undefined,
    finalists,
  };
}

/** A programme's public results, as the JSON route and the results page both show them. */
export interface PublicProgrammeResults {
  programmeId: string;
  name: string;
  year: number;
  categories: PublicCategoryResults[];
}
