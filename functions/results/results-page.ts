import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { text } from '../../shared/http/response.js';
import { renderResultsPage } from '../../shared/pages/results-page.js';
import { publicProgrammeResults } from '../../shared/use-cases/results/public-results.js';

export const handler = httpHandler(routes.resultsPage, async ({ params }) => {
  const page = renderResultsPage(await publicProgrammeResults(params.programmeId));
  return text(200, page.html, 'text/html; charset=utf-8', {
    'content-security-policy': page.contentSecurityPolicy,
    // Short, so a winner announced is public within a minute while a busy awards night stays cheap.
    'cache-control': 'public, max-age=60',
  });
});
