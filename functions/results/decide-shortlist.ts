import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { optionalExpectedVersion } from '../../shared/http/if-match.js';
import { ok } from '../../shared/http/response.js';
import { decideCategoryShortlist } from '../../shared/use-cases/results/shortlist.js';

export const handler = httpHandler(routes.decideShortlist, async ({ principal, params, body, headers, now }) => {
  const shortlist = await decideCategoryShortlist(
    principal,
    params.categoryId,
    body,
    optionalExpectedVersion(headers),
    now,
  );
  return ok(shortlist, shortlist.version);
});
