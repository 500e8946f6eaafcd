/**
 * How big is each function's bundle, and how long does a fresh Node.js process take to load it?
 *
 *   npm run bench:cold                     every row of the route table
 *   npm run bench:cold -- getEntry health  only these rows
 *   npm run bench:cold -- --analyze        also esbuild's breakdown of the largest bundle
 *
 * Builds each row's handler with exactly the settings the CDK construct uses (infra/bundling.ts) into
 * a temporary folder, then imports each bundle in a new `node` process several times and takes the
 * median, next to an empty module as the baseline (what Node itself costs). Targets (issue 7): a bundle
 * ≤ 400 KB minified, an import ≤ 80 ms. Import time is measured on this machine's Node.js, not in
 * Lambda, so read it against the empty-module baseline. A script, not a test: it prints figures.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { esbuildOptions, repoRoot } from '../infra/bundling.js';
import { routeList } from '../infra/routes.js';

const MAX_KB = 400;
const MAX_IMPORT_MS = 80;
const RUNS = 7;
const run = promisify(execFile);

const args = process.argv.slice(2);
const analyze = args.includes('--analyze');
const only = args.filter((arg) => !arg.startsWith('--'));
const rows = routeList.filter((row) => only.length === 0 || only.includes(row.id));
if (rows.length === 0) throw new Error(`no route-table row is called ${only.join(', ')}`);

// What Lambda sets for every function (infra/constructs/service-function.ts), so module-level code runs as there.
const lambdaEnv = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'eu-west-2',
  TABLE_NAME: 'laurel',
  BUCKET_NAME: 'laurel-evidence',
  POWERTOOLS_SERVICE_NAME: 'laurel',
  LAUREL_ENV: 'aws',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
};

/** Milliseconds from `import()` to the module (and everything it imports) having run, in a new process. */
async function importTime(file: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: lambdaEnv });
  return Number(stdout.trim());
}

async function medianImportTime(file: string): Promise<number> {
  await importTime(file); // not counted: the first run also warms the file cache
  const times: number[] = [];
  // One process at a time: parallel runs would compete for the CPU and inflate each other.
  for (let i = 0; i < RUNS; i++) times.push(await importTime(file));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const outDir = mkdtempSync(join(tmpdir(), 'laurel-cold-'));
try {
  const started = performance.now();
  const built = await Promise.all(
    rows.map(async (row) => {
      const outfile = join(outDir, row.id, 'index.mjs');
      const result = await esbuild.build({ ...esbuildOptions(join(repoRoot, row.handler), outfile), metafile: true });
      return { row, outfile, metafile: result.metafile, bytes: statSync(outfile).size };
    }),
  );
  const buildMs = performance.now() - started;

  const empty = join(outDir, 'empty.mjs');
  writeFileSync(empty, '');
  const baseline = await medianImportTime(empty);

  const table = [];
  for (const { row, outfile, bytes } of built) {
    const kb = bytes / 1024;
    const ms = await medianImportTime(outfile);
    const misses = [kb > MAX_KB ? 'size' : '', ms > MAX_IMPORT_MS ? 'import' : ''].filter(Boolean);
    table.push({
      function: row.id,
      'size KB': Number(kb.toFixed(1)),
      'import ms (median)': Number(ms.toFixed(1)),
      'over empty ms': Number((ms - baseline).toFixed(1)),
      target: misses.length ? `MISSED: ${misses.join(', ')}` : 'ok',
    });
  }
  console.table(table);

  const sizes = table.map((r) => r['size KB']);
  const times = table.map((r) => r['import ms (median)']);
  console.log(`empty module: ${baseline.toFixed(1)} ms to import (median of ${RUNS}, node ${process.version})`);
  console.log(
    `${table.length} bundles built in ${(buildMs / 1000).toFixed(1)} s; size ${Math.min(...sizes)}–${Math.max(...sizes)} KB ` +
      `(target ≤ ${MAX_KB}); import ${Math.min(...times)}–${Math.max(...times)} ms (target ≤ ${MAX_IMPORT_MS}).`,
  );
  const missed = table.filter((r) => r.target !== 'ok');
  console.log(missed.length ? `${missed.length} row(s) miss a target.` : 'Every row meets both targets.');
  console.log('KB = 1,024 bytes, as esbuild reports them.');

  if (analyze) {
    const largest = built.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`\nLargest bundle, ${largest.row.id}:`);
    console.log(await esbuild.analyzeMetafile(largest.metafile, { verbose: false }));
  }
  if (missed.length) process.exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
