import type {
  PublicCategoryResults,
  PublicFinalist,
  PublicProgrammeResults,
} from '../domain/shortlists/public-results.js';
import { cspHash, html, SafeHtml } from './html.js';

export interface Page {
  html: string;
  contentSecurityPolicy: string;
}

/**
 * The look of NHS public pages: NHS blue header, Frutiger-like type on a light grey page, white
 * cards, 16px body text growing to 19px, yellow focus, a skip link; readable from 320px up.
 * One constant stylesheet, so the CSP allows it by hash and the page needs no `unsafe-inline`.
 */
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;background:#f0f4f5;color:#212b32;font-family:"Frutiger W01",Frutiger,Arial,"Helvetica Neue",Helvetica,sans-serif;font-size:1rem;line-height:1.5}
@media (min-width:40.0625em){body{font-size:1.1875rem;line-height:1.47}}
.width{max-width:960px;margin:0 auto;padding:0 16px}
@media (min-width:48.0625em){.width{padding:0 32px}}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
a{color:#005eb8;text-decoration:underline;text-underline-offset:.15em}
a:visited{color:#330072}
a:hover{color:#7c2855;text-decoration-thickness:3px}
a:focus{outline:4px solid transparent;background-color:#ffeb3b;box-shadow:0 -2px #ffeb3b,0 4px #212b32;color:#212b32;text-decoration:none}
.skip-link{position:absolute;left:-9999px;top:0;padding:12px 16px;font-weight:700;z-index:10}
.skip-link:focus{left:16px;top:8px}
.header{background:#005eb8;color:#fff;padding:20px 0}
.header a,.header a:visited{color:#fff;text-decoration:none}
.header a:focus{color:#212b32}
.service{font-size:1.5rem;font-weight:700;line-height:1.2;letter-spacing:-.01em}
.service-sub{display:block;font-size:1rem;line-height:1.4}
.page{flex:1 0 auto;width:100%}
.main{display:block;padding:32px 0 48px}
@media (min-width:40.0625em){.main{padding:48px 0 64px}}
.main:focus{outline:none}
h1,h2,h3{font-weight:700;color:#212b32;margin-top:0}
h1{font-size:2rem;line-height:1.25;margin-bottom:24px}
@media (min-width:40.0625em){h1{font-size:3rem;line-height:1.17;margin-bottom:40px}}
h2{font-size:1.5rem;line-height:1.33;margin-bottom:16px}
@media (min-width:40.0625em){h2{font-size:2rem;line-height:1.25;margin-bottom:24px}}
h3{font-size:1.25rem;line-height:1.4;margin-bottom:8px}
@media (min-width:40.0625em){h3{font-size:1.5rem;line-height:1.33}}
p{margin:0 0 16px}
.caption{display:block;color:#4c6272;font-size:1.1875rem;font-weight:400;line-height:1.4;margin-bottom:4px}
@media (min-width:40.0625em){.caption{font-size:1.5rem}}
.lede{font-size:1.1875rem;margin-bottom:32px}
@media (min-width:40.0625em){.lede{font-size:1.5rem;line-height:1.33;margin-bottom:40px}}
.category{margin-bottom:48px}
.category:last-child{margin-bottom:0}
.status{color:#4c6272;margin-bottom:16px}
.notice{background:#fff;border-left:8px solid #4c6272;padding:16px 24px;font-weight:700;margin:0}
.finalists{list-style:none;margin:0;padding:0;display:grid;gap:16px}
@media (min-width:48.0625em){.finalists{grid-template-columns:repeat(2,minmax(0,1fr));gap:24px}}
.finalist{background:#fff;border-left:8px solid #d8dde0;padding:20px 24px;overflow-wrap:anywhere}
.finalist--winner{border-left-color:#005eb8}
.finalist--highly_commended{border-left-color:#007f3b}
.finalist h3{margin-bottom:8px}
.entry-title{margin:0}
.tag{display:inline-block;margin:0 0 12px;padding:4px 8px;border:1px solid;font-size:1rem;font-weight:700;line-height:1.25}
.tag--winner{background:#005eb8;border-color:#005eb8;color:#fff}
.tag--highly_commended{background:#cce2d8;border-color:#005a30;color:#005a30}
.tag--shortlisted{background:#f0f4f5;border-color:#4c6272;color:#212b32}
.footer{border-top:4px solid #005eb8;background:#fff;padding:24px 0;color:#4c6272;font-size:1rem}
.footer p{margin-bottom:8px}
`;

// CSS is raw text (entities are not decoded inside <style>), so the constant goes in unescaped: it
// is ours, not data. The element is built here, not in the page template, so that no formatter can
// change a byte between the tags and break the CSP hash.
const STYLE_ELEMENT = new SafeHtml(`<style>${STYLE}</style>`);

const STATUS_LABEL: Record<PublicFinalist['status'], string> = {
  winner: 'Winner',
  highly_commended: 'Highly commended',
  shortlisted: 'Finalist',
};

/** The finalist's label is text, so it never depends on colour alone. */
const finalistCard = (finalist: PublicFinalist): SafeHtml =>
  html` <li class="finalist finalist--${finalist.status}">
    <p class="tag tag--${finalist.status}">${STATUS_LABEL[finalist.status]}</p>
    <h3>${finalist.organisation}</h3>
    <p class="entry-title">${finalist.title}</p>
  </li>`;

function categoryBody(category: PublicCategoryResults): SafeHtml {
  if (category.status === 'not_published') return html`<p class="notice">Shortlist not yet published</p>`;
  if (category.finalists.length === 0)
    return html`<p class="notice">No finalists were shortlisted in this category.</p>`;
  const count = category.finalists.length;
  const status = category.winnersAnnounced
    ? `Winners announced. ${count} ${count === 1 ? 'finalist' : 'finalists'}.`
    : `Shortlist published: ${count} ${count === 1 ? 'finalist' : 'finalists'}. Winners not yet announced.`;
  return html`<p class="status">${status}</p>
    <ul class="finalists">
      ${category.finalists.map(finalistCard)}
    </ul>`;
}

const categorySection = (category: PublicCategoryResults): SafeHtml =>
  html` <section class="category" aria-labelledby="category-${category.categoryId}">
    <h2 id="category-${category.categoryId}">${category.name}</h2>
    ${categoryBody(category)}
  </section>`;

/** The page's CSP: its one stylesheet by hash, and nothing else at all (no script, no image, no frame). */
export const RESULTS_PAGE_CSP = [
  "default-src 'none'",
  `style-src ${cspHash(STYLE)}`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The public results page of a programme: a server-rendered, script-free HTML page of the same
 * results the JSON route gives (one use case, two views). Every value from storage goes through the
 * `html` template, so an entry title with markup in it shows as text.
 */
export function renderResultsPage(results: PublicProgrammeResults): Page {
  const json = `/public/programmes/${encodeURIComponent(results.programmeId)}/results`;
  const page = html`<!doctype html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${results.name} results – Laurel</title>
        <meta name="description" content="${`Shortlists and winners of ${results.name}.`}" />
        <link rel="alternate" type="application/json" href="${json}" />
        ${STYLE_ELEMENT}
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="header">
          <div class="width">
            <span class="service">Laurel</span>
            <span class="service-sub">Healthcare awards results</span>
          </div>
        </header>
        <div class="width page">
          <main id="main" class="main" tabindex="-1">
            <h1>
              <span class="caption">${results.year} results<span class="visually-hidden"> of</span></span
              >${results.name}
            </h1>
            <p class="lede">
              The shortlisted finalists in each category and, once announced, the winners and highly commended entries.
            </p>
            ${results.categories.length === 0 ? html`<p class="notice">No categories have been set up for this programme yet.</p>` : results.categories.map(categorySection)}
          </main>
        </div>
        <footer class="footer">
          <div class="width">
            <p>Only published shortlists and winners are shown here. No scores or judges’ comments are made public.</p>
            <p><a href="${json}">These results as JSON</a> · <a href="/docs">API reference</a></p>
          </div>
        </footer>
      </body>
    </html> `;
  return { html: page.markup, contentSecurityPolicy: RESULTS_PAGE_CSP };
}
