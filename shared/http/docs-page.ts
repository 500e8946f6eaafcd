import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DocsPage {
  html: string;
  contentSecurityPolicy: string;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Swagger UI's own colours fail WCAG AA contrast (white on light green method badges: 2:1). These
 * darker shades of the same hues give every badge, link and button at least 4.5:1.
 */
const ACCESSIBLE_COLOURS = `
.swagger-ui .opblock.opblock-get .opblock-summary-method{background:#005eb8}
.swagger-ui .opblock.opblock-post .opblock-summary-method{background:#1e7b4f}
.swagger-ui .opblock.opblock-put .opblock-summary-method{background:#9a4f00}
.swagger-ui .opblock.opblock-patch .opblock-summary-method{background:#00705e}
.swagger-ui .opblock.opblock-delete .opblock-summary-method{background:#c01818}
.swagger-ui .info .title small{background:#545a66}
.swagger-ui .info .title small.version-stamp{background:#3d6b00}
.swagger-ui .info a,.swagger-ui .info .url,.swagger-ui .info .link{color:#005eb8}
.swagger-ui .btn.authorize{color:#1e7b4f;border-color:#1e7b4f}
.swagger-ui .btn.authorize svg{color:#1e7b4f}
.swagger-ui .json-schema-2020-12-expand-deep-button{color:#505050}
.swagger-ui .parameter__in{color:#505a5f}
`;

/**
 * The API reference page: Swagger UI from the swagger-ui-dist package's own files, inlined so the
 * page needs no CDN and no extra routes. The CSP allows exactly these two scripts by hash.
 */
export function renderDocsPage(assetsDir: string, specUrl: string): DocsPage {
  const css = readFileSync(join(assetsDir, 'swagger-ui.css'), 'utf8');
  // A script element ends at the first "</script": the bundle must not contain one, or the page breaks.
  const bundle = readFileSync(join(assetsDir, 'swagger-ui-bundle.js'), 'utf8').replaceAll('</script', '<\\/script');
  // Deep links are off: they put a link inside each operation's toggle button (nested controls).
  // The server picker is a bare <select> with no accessible name until we give it one.
  const init = `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(specUrl)}, dom_id: '#swagger-ui', deepLinking: false,
  onComplete: function () { var s = document.getElementById('servers'); if (s) s.setAttribute('aria-label', 'Server'); } });`;
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Laurel API reference</title>
<style>${css}</style>
<style>${ACCESSIBLE_COLOURS}</style>
</head>
<body>
<div id="swagger-ui"></div>
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
