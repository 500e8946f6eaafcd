/**
 * How long does an evidence upload take end to end, locally?
 *
 *   npm run bench:upload
 *
 * Starts a local world (embedded DynamoDB in memory, embedded S3 in a temporary folder, the gateway
 * over the real handlers) and times the whole flow a browser goes through for a 1 MiB PDF: ask the
 * API for an upload grant, POST the file straight to storage as multipart/form-data, and wait until
 * the API lists the file as available (the ObjectCreated check has run). Prints median and p99 of
 * each phase and of the whole. The figures are for loopback and one process; in AWS add the network
 * and Lambda's cold starts.
 */
import { performance } from 'node:perf_hooks';
import { postToStorage, requestUpload, samplePdf } from '../test/support/evidence-uploads.js';
import { completeDraft, entrantOf, setUpProgramme } from '../test/support/fixtures.js';
import { startLocalWorld } from '../test/support/local-world.js';

const ITERATIONS = 50;
const WARM_UP = 3;
const FILE_BYTES = 1024 * 1024;
/** The category's limit is 50 files; a fresh draft every so often keeps well inside it. */
const UPLOADS_PER_DRAFT = 25;
const TIME_LIMIT_MS = 120_000;

interface Sample {
  grant: number;
  upload: number;
  check: number;
  total: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  // Nearest rank: with 50 samples, p99 is the slowest one.
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function main() {
  const started = performance.now();
  const world = await startLocalWorld();
  try {
    const setup = await setUpProgramme(world, { maxEvidenceFiles: 50 });
    const { token } = await entrantOf(world, setup.organiser);
    const pdf = samplePdf(FILE_BYTES);
    const samples: Sample[] = [];
    let entryId = '';

    for (let i = 0; i < WARM_UP + ITERATIONS; i++) {
      if (i % UPLOADS_PER_DRAFT === 0) entryId = (await completeDraft(world, token, setup.categoryId)).entryId;
      const t0 = performance.now();
      const grant = await requestUpload(world, token, entryId, {
        fileName: `evidence-${i}.pdf`,
        contentType: 'application/pdf',
        size: pdf.length,
      });
      if (grant.status !== 201) throw new Error(`grant answered ${grant.status}: ${grant.text}`);
      const t1 = performance.now();
      const stored = await postToStorage(grant.body, pdf, `evidence-${i}.pdf`);
      if (!stored.ok) throw new Error(`storage POST answered ${stored.status}`);
      const t2 = performance.now();
      let status = '';
      while (status !== 'available') {
        await world.stack.gateway.settled();
        const listed = await world.call('GET', `/entries/${entryId}/evidence`, { token });
        const item = (listed.body.items as { evidenceId: string; status: string }[]).find(
          (e) => e.evidenceId === grant.body.evidenceId,
        );
        status = item?.status ?? '';
        if (status === 'rejected') throw new Error(`upload ${i} was rejected`);
        if (performance.now() - t2 > 10_000) throw new Error(`upload ${i} never became available`);
        if (status !== 'available') await new Promise((r) => setTimeout(r, 2));
      }
      const t3 = performance.now();
      if (i >= WARM_UP) samples.push({ grant: t1 - t0, upload: t2 - t1, check: t3 - t2, total: t3 - t0 });
      if (performance.now() - started > TIME_LIMIT_MS) throw new Error('the bench ran over two minutes');
    }

    const rows = (['grant', 'upload', 'check', 'total'] as const).map((phase) => {
      const sorted = samples.map((s) => s[phase]).sort((a, b) => a - b);
      return {
        phase: {
          grant: 'POST /entries/{id}/evidence',
          upload: 'multipart POST to storage',
          check: 'ObjectCreated check → listed available',
          total: 'whole upload flow',
        }[phase],
        'median ms': quantile(sorted, 0.5).toFixed(1),
        'p99 ms': quantile(sorted, 0.99).toFixed(1),
        'min ms': sorted[0]!.toFixed(1),
        'max ms': sorted.at(-1)!.toFixed(1),
      };
    });
    console.log(
      `Evidence upload, ${ITERATIONS} runs of a ${(pdf.length / 1024 / 1024).toFixed(2)} MiB PDF after ${WARM_UP} ` +
        `warm-up runs (Node ${process.version}, local world on loopback):`,
    );
    console.table(rows);
    console.log(`Finished in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await world.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
