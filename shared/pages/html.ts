import { createHash } from 'node:crypto';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML: in element content and in a quoted attribute value alike, it can only
 * ever be shown, never parsed as markup, and never ends the attribute it sits in.
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Markup built by the `html` template: the only thing that is inserted into a page unescaped. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Interpolation = SafeHtml | string | number | readonly Interpolation[] | false | null | undefined;

const render = (value: Interpolation): string =>
  value instanceof SafeHtml
    ? value.markup
    : Array.isArray(value)
      ? value.map(render).join('')
      : value === false || value === null || value === undefined
        ? ''
        : escapeHtml(String(value));

/**
 * Tagged template for pages: every interpolated value is escaped unless it is itself `html`
 * markup, so escaping is total by construction rather than remembered at each use.
 * `false`, `null` and `undefined` render as nothing, so `${cond && html\`…\`}` reads naturally.
 */
export const html = (strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml =>
  new SafeHtml(strings.reduce((out, part, i) => out + render(values[i - 1]) + part));

/** A CSP source that allows exactly this inline `<style>` or `<script>` content. */
export const cspHash = (content: string): string =>
  `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
