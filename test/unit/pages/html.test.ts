import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { cspHash, escapeHtml, html } from '../../../shared/pages/html.js';

/** What an HTML parser does to escaped text: the five entities back to their characters. */
const decode = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');

describe('escapeHtml', () => {
  it('escapes the five characters that can start markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  it('leaves any text unable to open a tag or close a quote, and a parser gets the text back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped).not.toMatch(/&(?!(?:lt|gt|quot|#39|amp);)/);
        expect(decode(escaped)).toBe(text);
      }),
    );
  });
});

describe('the html template', () => {
  it('escapes every interpolated string, so markup in data shows as text', () => {
    const title = '<script>alert("hi")</script>';
    expect(html`<p title="${title}">${title}</p>`.markup).toBe(
      '<p title="&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;</p>',
    );
  });

  it('inserts its own fragments as markup, flattens lists, and renders false, null and undefined as nothing', () => {
    const items = ['a<b', 'c&d'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const page = html`<ul>${items}</ul>${false}${null}${undefined}${2016}`;
    expect(page.markup).toBe('<ul><li>a&lt;b</li><li>c&amp;d</li></ul>2016');
  });
});

describe('cspHash', () => {
  it('gives the CSP source of a SHA-256 of the exact content', () => {
    const css = 'body{color:#212b32}';
    expect(cspHash(css)).toBe(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
  });
});
