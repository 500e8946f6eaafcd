import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DocsPage {
  html: string;
  contentSecurityPolicy: string;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The API reference page: Swagger UI from the swagger-ui-dist package's own files, inlined so the
 * page needs no CDN and no extra routes. The CSP allows exactly these two scripts by hash.
 */
export function renderDocsPage(assetsDir: string, specUrl: string): DocsPage {
  const css = readFileSync(join(assetsDir, 'swagger-ui.css'), 'utf8');
  // A script element ends at the first "</script": the bundle must not contain one, or the page breaks.
  const bundle = readFileSync(join(assetsDir, 'swagger-ui-bundle.js'), 'utf8').replaceAll('</script', '<\\/script');
  const init = `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(specUrl)}, dom_id: '#swagger-ui', deepLinking: true });`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Laurel API reference</title>
<style>${css}</style>
</head>
<body>
<main id="swagger-ui"></main>
<script>${bundle}</script>
<script>${init}</script>
</body>
</html>`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src ${sha256(bundle)} ${sha256(init)}`,
    // Swagger UI sets inline styles as it renders.
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}
