import axe from 'axe-core';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { DEMO_PROGRAMMES } from '../../infra/local/demo-data.js';
import { seedDemoData } from '../../infra/local/seed.js';
import { renderResultsPage } from '../../shared/pages/results-page.js';
import { startLocalWorld, type LocalWorld } from '../support/local-world.js';

/**
 * The public pages in a real browser (Debian's Chromium driven by playwright-core): the results
 * page of both demo programmes after the HSJ 2016 shortlist and winners are published, and the API
 * reference. Each page is loaded at desktop and phone widths with its real CSP; the console must
 * stay clean, axe must find nothing serious or critical, and screenshots land in test/artifacts/.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
/** Flags that work as root on this closed network (see the browser guide); Playwright adds a fresh profile. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
} satisfies Record<string, BrowserContextOptions>;
type Width = keyof typeof VIEWPORTS;

const hsj = DEMO_PROGRAMMES.hsj2016;
const hta = DEMO_PROGRAMMES.hta2017;
const ENTRY = {
  fylde: '01HSJ2016ENTRY000000000001',
  eastLancs: '01HSJ2016ENTRY000000000002',
  halton: '01HSJ2016ENTRY000000000003',
  highWeald: '01HSJ2016ENTRY000000000004',
};
/** Each judge's mark for every criterion of an entry: Fylde and Wyre first, then East Lancashire, Halton. */
const QUALITY: Record<string, number> = {
  [ENTRY.fylde]: 9,
  [ENTRY.eastLancs]: 8,
  [ENTRY.halton]: 6,
  [ENTRY.highWeald]: 4,
};

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`browser tests skipped: Chromium not installed (${CHROMIUM})`);
const describeInBrowser = haveChromium ? describe : describe.skip;

let world: LocalWorld;
let browser: Browser;

/** The HSJ 2016 demo judged through the real routes: every judge scores, then shortlist, publish, winners. */
async function judgeAndPublishHsj(): Promise<void> {
  const organiser = await world.token('organiser', { userId: 'demo-organiser' });
  const expectOk = (answer: { status: number; text: string }) => {
    if (answer.status !== 200) throw new Error(`${answer.status} ${answer.text}`);
  };
  for (const judgeId of ['demo-judge-1', 'demo-judge-2', 'demo-judge-3', 'demo-judge-4']) {
    const token = await world.token('judge', { userId: judgeId });
    const mine = await world.call('GET', `/me/assignments`, { token });
    for (const { entryId } of mine.body.items as { entryId: string }[]) {
      const mark = QUALITY[entryId]!;
      const scores = { ambition: mark, outcome: mark, spread: mark, value: mark, involvement: mark };
      expectOk(await world.call('PUT', `/entries/${entryId}/scores/me`, { token, body: { scores, final: true } }));
    }
  }
  const category = hsj.category.categoryId;
  expectOk(await world.call('POST', `/categories/${category}/shortlist`, { token: organiser, body: {} }));
  expectOk(await world.call('POST', `/categories/${category}/shortlist/publish`, { token: organiser }));
  expectOk(
    await world.call('POST', `/categories/${category}/winners`, {
      token: organiser,
      body: { winner: ENTRY.fylde, highlyCommended: [ENTRY.eastLancs] },
    }),
  );
}

interface Visit {
  page: Page;
  status: number | undefined;
  /** Console errors (CSP violations among them), uncaught exceptions and failed requests. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens a page as a visitor would, with the page's own CSP in force, and records every error. */
async function visit(path: string, width: Width, ready?: (page: Page) => Promise<unknown>): Promise<Visit> {
  const context = await browser.newContext(VIEWPORTS[width]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request: ${request.url()} ${request.failure()?.errorText}`));
  const response = await page.goto(world.url + path, { waitUntil: 'load' });
  await ready?.(page);
  return { page, status: response?.status(), errors, close: () => context.close() };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's findings on a page. The page's CSP rightly forbids scripts, so axe runs in a second
 * context that bypasses CSP for the injection only; the first visit already checked the page under it.
 */
async function axeViolations(name: string, path: string, width: Width, ready?: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ ...VIEWPORTS[width], bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(world.url + path, { waitUntil: 'load' });
    await ready?.(page);
    await page.addScriptTag({ content: axe.source });
    const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
      violations: AxeViolation[];
    };
    const violations = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
    writeFileSync(`${ARTIFACTS}axe-${name}-${width}.json`, JSON.stringify(violations, null, 2));
    return violations;
  } finally {
    await context.close();
  }
}

const seriousOrWorse = (violations: { impact: string | null }[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** What a reader sees of each finalist card: label, organisation, entry title. */
const finalistsOn = (page: Page) =>
  page
    .locator('li.finalist')
    .evaluateAll((items) =>
      items.map((item) =>
        ['.tag', 'h3', '.entry-title'].map((selector) => item.querySelector(selector)?.textContent?.trim()),
      ),
    );

/** Layout facts a phone reader depends on: no sideways scrolling, body text of 16px or more. */
const layoutOf = (page: Page) =>
  page.evaluate(`({
    overflowsSideways: document.documentElement.scrollWidth > window.innerWidth,
    bodyFontPx: parseFloat(getComputedStyle(document.body).fontSize),
    headerBackground: getComputedStyle(document.querySelector('header')).backgroundColor,
  })`) as Promise<{ overflowsSideways: boolean; bodyFontPx: number; headerBackground: string }>;

/** Waits for Swagger UI to render the live document, then opens two operations as a reader would. */
async function openOperations(page: Page): Promise<void> {
  await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
  for (const id of ['operations-Public-resultsPage', 'operations-Entries-createEntry']) {
    await page.locator(`#${id} .opblock-summary-control`).click();
    await page.locator(`#${id} .opblock-body`).waitFor();
  }
  // Request bodies render their schema a moment after the panel opens.
  await page.locator('#operations-Entries-createEntry .opblock-body').getByText('categoryId').first().waitFor();
}

beforeAll(async () => {
  world = await startLocalWorld();
  await seedDemoData();
  await judgeAndPublishHsj();
}, 60_000);
afterAll(() => world.stop());

describe('the results page over HTTP', () => {
  it('is HTML with its own CSP: no script at all, its one stylesheet by hash, cached for a minute', async () => {
    // Act
    const answer = await world.call('GET', `/results/${hsj.programmeId}`);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'/);
    expect(answer.headers.get('content-security-policy')).not.toMatch(/script-src|unsafe/);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.text).toContain('NHS Fylde and Wyre CCG');
  });

  it('answers an unknown programme with 404 and a malformed id with 400, as problem+json', async () => {
    const unknown = await world.call('GET', '/results/01ARZ3NDEKTSV4RRFFQ69G5FAV');
    const malformed = await world.call('GET', '/results/not-an-id');
    expect([unknown.status, malformed.status]).toEqual([404, 400]);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
  });
});

describeInBrowser('the public pages in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  }, 30_000);
  afterAll(() => browser?.close());

  describe.each(Object.keys(VIEWPORTS) as Width[])('at %s width', (width) => {
    it('shows HSJ 2016’s winner, highly commended and finalist, as text labels, with a clean console', async () => {
      // Act
      const { page, status, errors, close } = await visit(`/results/${hsj.programmeId}`, width);
      try {
        await page.screenshot({ path: `${ARTIFACTS}results-hsj2016-${width}.png`, fullPage: true });

        // Assess
        expect(status).toBe(200);
        expect(errors).toEqual([]);
        expect(await page.title()).toBe('HSJ Awards 2016 results – Laurel');
        expect(await page.locator('h1').innerText()).toMatch(/2016 results[\s\S]*HSJ Awards 2016/);
        expect(await page.locator('h2').allInnerTexts()).toEqual(['CCG of the Year']);
        expect(await finalistsOn(page)).toEqual([
          ['Winner', 'NHS Fylde and Wyre CCG', 'Extensive care: joined-up support for older people in Fylde and Wyre'],
          ['Highly commended', 'NHS East Lancashire CCG', 'Together a healthier future for East Lancashire'],
          ['Finalist', 'NHS Halton CCG', 'One Halton: integrated care for a whole borough'],
        ]);
        const main = await page.locator('main').innerText();
        expect(main).not.toContain('High Weald');
        expect(main).not.toMatch(/score|comment|judge|Morgan|Ellis|Okafor|Price/i);
        expect(await layoutOf(page)).toEqual({
          overflowsSideways: false,
          bodyFontPx: width === 'phone' ? 16 : 19,
          headerBackground: 'rgb(0, 94, 184)',
        });

        // The first Tab shows the skip link, in the yellow focus style.
        await page.keyboard.press('Tab');
        expect(
          await page.evaluate(`({
            text: document.activeElement.textContent,
            background: getComputedStyle(document.activeElement).backgroundColor,
            top: document.activeElement.getBoundingClientRect().top,
          })`),
        ).toEqual({ text: 'Skip to main content', background: 'rgb(255, 235, 59)', top: expect.any(Number) });
        await page.screenshot({ path: `${ARTIFACTS}results-hsj2016-${width}-skip-link.png` });
      } finally {
        await close();
      }
    });

    it('says HTA 2017’s shortlist is not yet published, and names no entrant', async () => {
      // Act
      const { page, status, errors, close } = await visit(`/results/${hta.programmeId}`, width);
      try {
        await page.screenshot({ path: `${ARTIFACTS}results-hta2017-${width}.png`, fullPage: true });

        // Assess
        expect(status).toBe(200);
        expect(errors).toEqual([]);
        expect(await page.locator('h1').innerText()).toContain('Healthcare Transformation Awards 2017');
        expect(await page.locator('h2').allInnerTexts()).toEqual(['Transforming Commissioning of Primary Care']);
        expect(await page.locator('main').innerText()).toContain('Shortlist not yet published');
        expect(await page.locator('li.finalist').count()).toBe(0);
        expect(await page.locator('body').innerText()).not.toMatch(/Blackpool|Blackburn|QOEST/);
        expect((await layoutOf(page)).overflowsSideways).toBe(false);
      } finally {
        await close();
      }
    });

    it.each([
      ['HSJ 2016', 'hsj2016', hsj.programmeId],
      ['HTA 2017', 'hta2017', hta.programmeId],
    ])(
      'finds no serious or critical accessibility problem on the %s results page',
      async (_name, slug, programmeId) => {
        // Act
        const violations = await axeViolations(`results-${slug}`, `/results/${programmeId}`, width);

        // Assess: nothing at all, in fact; serious and critical are the bar.
        expect(seriousOrWorse(violations)).toEqual([]);
        expect(violations).toEqual([]);
      },
    );

    it('renders the live OpenAPI document on /docs with no console error (so no CSP violation)', async () => {
      // Act
      const { page, status, errors, close } = await visit('/docs', width, openOperations);
      try {
        await page
          .locator('#operations-Entries-createEntry')
          .screenshot({ path: `${ARTIFACTS}docs-entries-${width}.png` });
        await page.evaluate('window.scrollTo(0, 0)');
        await page.screenshot({ path: `${ARTIFACTS}docs-${width}.png` });

        // Assess
        expect(status).toBe(200);
        expect(errors).toEqual([]);
        expect(await page.locator('.info .title').innerText()).toContain('Laurel API');
        expect(await page.locator('.opblock-summary-path', { hasText: /^\/entries$/ }).count()).toBeGreaterThan(0);
        expect(await page.locator('#operations-Public-resultsPage').innerText()).toContain('/results/{programmeId}');
        expect(await page.locator('#operations-Entries-createEntry .opblock-body').innerText()).toContain('categoryId');
      } finally {
        await close();
      }
    });

    it('finds no serious or critical accessibility problem on /docs, with operations open', async () => {
      const violations = await axeViolations('docs', '/docs', width, openOperations);
      expect(seriousOrWorse(violations)).toEqual([]);
    });
  });

  it('shows an entry title with markup in it as text: no element, no script, nothing run', async () => {
    // Prepare
    const title = `<script>document.title="pwned"</script><img src=x onerror="alert(1)"> "Quotes" & 'apostrophes'`;
    const { html } = renderResultsPage({
      programmeId: hsj.programmeId,
      name: `<b>Bold</b> Awards`,
      year: 2016,
      categories: [
        {
          categoryId: `x" onmouseover="alert(1)`,
          name: '<i>Category</i>',
          status: 'published',
          winnersAnnounced: true,
          finalists: [{ organisation: '<u>Org</u>', title, status: 'winner' }],
        },
      ],
    });
    const context = await browser.newContext(VIEWPORTS.desktop);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    // Act: parsed by the browser itself, without the CSP's help
    await page.setContent(html, { waitUntil: 'load' });

    // Assess
    try {
      expect(await page.locator('.entry-title').innerText()).toBe(title);
      expect(await page.locator('h3').innerText()).toBe('<u>Org</u>');
      expect(await page.locator('h2').innerText()).toBe('<i>Category</i>');
      expect(await page.title()).toBe('<b>Bold</b> Awards results – Laurel');
      expect(await page.locator('h2').getAttribute('id')).toBe(`category-x" onmouseover="alert(1)`);
      expect(await page.locator('script, img, b, i, u').count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
