import { createHash } from 'node:crypto';
import type {
  PublicCategoryResults,
  PublicProgrammeResults,
} from '../../../shared/domain/shortlists/public-results.js';
import { renderResultsPage } from '../../../shared/pages/results-page.js';

const published: PublicCategoryResults = {
  categoryId: '01HSJ2016CCG0FTHEYEAR00000',
  name: 'CCG of the Year',
  status: 'published',
  winnersAnnounced: true,
  finalists: [
    { organisation: 'NHS Fylde and Wyre CCG', title: 'Extensive care', status: 'winner' },
    { organisation: 'NHS East Lancashire CCG', title: 'Together a healthier future', status: 'highly_commended' },
    { organisation: 'NHS Halton CCG', title: 'One Halton', status: 'shortlisted' },
  ],
};
const unpublished: PublicCategoryResults = {
  categoryId: '01HSJ2016PAT1ENTSAFETY0000',
  name: 'Patient Safety',
  status: 'not_published',
  winnersAnnounced: false,
  finalists: [],
};
const programme = (categories: PublicCategoryResults[], name = 'HSJ Awards 2016'): PublicProgrammeResults => ({
  programmeId: '01HSJ2016AWARDS00000000000',
  name,
  year: 2016,
  categories,
});

/** The page's text content, roughly as a reader sees it (tags dropped, whitespace collapsed). */
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('renderResultsPage', () => {
  it('shows an entry title with a <script> in it as text, never as an element', () => {
    // Prepare
    const title = '<script>alert("pwned")</script> & more';
    const results = programme([
      { ...published, finalists: [{ organisation: 'Org <b>bold</b>', title, status: 'winner' }] },
    ]);

    // Act
    const { html } = renderResultsPage(results);

    // Assess
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('Org &lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toMatch(/<script|<b>/i);
  });

  it('keeps quotes in data inside the attribute they sit in', () => {
    // Prepare
    const results = programme([{ ...unpublished, categoryId: `x" onmouseover="alert(1)` }], `Awards "2016" & 'more'`);

    // Act
    const { html } = renderResultsPage(results);

    // Assess
    expect(html).toContain('id="category-x&quot; onmouseover=&quot;alert(1)"');
    expect(html).toContain('aria-labelledby="category-x&quot; onmouseover=&quot;alert(1)"');
    expect(html).toContain('content="Shortlists and winners of Awards &quot;2016&quot; &amp; &#39;more&#39;."');
    expect(html).not.toMatch(/onmouseover="/);
  });

  it('labels the winner and highly commended in words, not colour alone, winner first', () => {
    // Act
    const text = textOf(renderResultsPage(programme([published])).html);

    // Assess
    expect(text).toContain('Winner NHS Fylde and Wyre CCG Extensive care');
    expect(text).toContain('Highly commended NHS East Lancashire CCG Together a healthier future');
    expect(text).toContain('Finalist NHS Halton CCG One Halton');
    expect(text).toContain('Winners announced. 3 finalists.');
    expect(text.indexOf('Winner NHS Fylde')).toBeLessThan(text.indexOf('Highly commended NHS East'));
  });

  it('says "Shortlist not yet published" for an unpublished category and lists no finalist', () => {
    // Act
    const { html } = renderResultsPage(programme([published, unpublished]));

    // Assess
    const section = html.slice(html.indexOf('>Patient Safety</h2>'));
    expect(section).toContain('Shortlist not yet published');
    expect(section.slice(0, section.indexOf('</section>'))).not.toContain('class="finalist');
  });

  it('says when a published shortlist has no winners yet, and when it is empty', () => {
    const pending = textOf(renderResultsPage(programme([{ ...published, winnersAnnounced: false }])).html);
    const empty = textOf(renderResultsPage(programme([{ ...published, finalists: [] }])).html);
    const none = textOf(renderResultsPage(programme([])).html);

    expect(pending).toContain('Shortlist published: 3 finalists. Winners not yet announced.');
    expect(empty).toContain('No finalists were shortlisted in this category.');
    expect(none).toContain('No categories have been set up for this programme yet.');
  });

  it('is an accessible NHS-style document: en-GB, viewport, skip link to main, h1 programme and year, h2 per category', () => {
    // Act
    const { html } = renderResultsPage(programme([published, unpublished]));

    // Assess
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en-GB">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1" />');
    expect(html).toMatch(/<a class="skip-link" href="#main">Skip to main content<\/a>/);
    expect(html).toMatch(/<main id="main"/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(textOf(html.slice(html.indexOf('<h1>'), html.indexOf('</h1>')))).toMatch(/2016 results of HSJ Awards 2016/);
    expect([...html.matchAll(/<h2 [^>]*>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual([
      'CCG of the Year',
      'Patient Safety',
    ]);
    expect(html).toContain('background:#005eb8');
    expect(html).toContain('a:focus{');
  });

  it('has a CSP that allows its one stylesheet by hash and no script at all', () => {
    // Act
    const { html, contentSecurityPolicy } = renderResultsPage(programme([published]));

    // Assess
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256').update(styles[0]!).digest('base64');
    expect(contentSecurityPolicy).toContain(`style-src 'sha256-${hash}'`);
    expect(contentSecurityPolicy).toMatch(/^default-src 'none'/);
    expect(contentSecurityPolicy).not.toMatch(/script-src|unsafe-inline|unsafe-eval/);
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(html).not.toMatch(/<script|\son[a-z]+=|style="/i);
  });
});
