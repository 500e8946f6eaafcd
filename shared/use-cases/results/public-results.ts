import { publicCategoryResults, type PublicProgrammeResults } from '../../domain/shortlists/public-results.js';
import { allCategories } from '../../store/categories.js';
import { findOrganisation } from '../../store/organisations.js';
import { findPublishedShortlist, findWinners } from '../../store/shortlists.js';
import { getProgramme } from '../programmes.js';

/**
 * A programme's public results: per category, its published finalists (organisation name, entry
 * title, shortlisted / winner / highly commended) and nothing else. Built only from the published
 * snapshots, so no score, draft, comment or judge can reach it.
 */
export async function publicProgrammeResults(programmeId: string): Promise<PublicProgrammeResults> {
  const programme = await getProgramme(programmeId);
  const categories = await allCategories(programmeId);
  const snapshots = await Promise.all(
    categories.map(async (category) => {
      const [published, winners] = await Promise.all([
        findPublishedShortlist(category.categoryId),
        findWinners(category.categoryId),
      ]);
      return { category, published, winners };
    }),
  );
  const orgCodes = [...new Set(snapshots.flatMap((s) => s.published?.finalists.map((f) => f.orgCode) ?? []))];
  const organisations = await Promise.all(orgCodes.map(findOrganisation));
  const names = new Map(organisations.flatMap((org) => (org ? [[org.code, org.name] as const] : [])));
  return {
    programmeId: programme.programmeId,
    name: programme.name,
    year: programme.year,
    categories: snapshots.map(({ category, published, winners }) =>
      publicCategoryResults(category, published, winners, names),
    ),
  };
}
