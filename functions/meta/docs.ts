import { routes } from '../../infra/routes.js';
import { config } from '../../shared/config.js';
import { renderDocsPage, type DocsPage } from '../../shared/http/docs-page.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { text } from '../../shared/http/response.js';

let page: DocsPage | undefined;

export const handler = httpHandler(routes.docs, async () => {
  const dir = config().DOCS_ASSETS_DIR;
  if (!dir) throw new Error('DOCS_ASSETS_DIR is not set');
  page ??= renderDocsPage(dir, '/openapi.json');
  return text(200, page.html, 'text/html; charset=utf-8', {
    'content-security-policy': page.contentSecurityPolicy,
    'cache-control': 'public, max-age=300',
  });
});
