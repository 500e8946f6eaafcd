import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeList } from '../../infra/routes.js';
import { buildOpenApiDocument } from '../../shared/http/openapi-document.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const REDOCLY = join(root, 'node_modules/.bin/redocly');
const CONFIG = join(root, 'redocly.yaml');

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'laurel-openapi-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `redocly lint` (offline: no telemetry, no update check) on a document; its JSON report. */
function lint(document: unknown, name: string): Promise<LintReport> {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(document, null, 2));
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  return new Promise((resolve, reject) => {
    // A document with errors exits 1 but still prints its report.
    execFile(REDOCLY, ['lint', file, '--config', CONFIG, '--format=json'], { env }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as LintReport);
      } catch {
        reject(new Error(`redocly gave no report: ${error?.message ?? ''}\n${stderr}`));
      }
    });
  });
}

const summary = (report: LintReport) =>
  report.problems.map((p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`);

describe('the OpenAPI document', () => {
  it('lints clean with Redocly’s recommended rules, strict: no error and no warning', async () => {
    // Act
    const report = await lint(buildOpenApiDocument(routeList), 'openapi.json');

    // Assess
    expect(summary(report)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 30_000);

  it('fails the lint when a route’s tag is not declared with a description (the lint has teeth)', async () => {
    // Prepare
    const [first] = routeList.filter((route) => route.kind === 'http');
    const document = buildOpenApiDocument([{ ...first!, tag: 'Undescribed' }]);

    // Act
    const report = await lint(document, 'undescribed-tag.json');

    // Assess
    expect(report.problems.map((p) => p.ruleId)).toContain('tag-description');
  }, 30_000);
});
