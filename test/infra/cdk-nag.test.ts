import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import type { CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import type { IConstruct } from 'constructs';
import { buildApp, type LaurelApp } from '../../infra/build-app.js';
import { rowsWithDocsAssets } from '../../infra/constructs/route-functions.js';
import { routeList } from '../../infra/routes.js';
import { cdkJsonContext } from './laurel-template.js';

// The app exactly as `cdk synth` builds it: real route table, cdk.json context, esbuild bundling, cdk-nag.
let laurel: LaurelApp;
let synthError: unknown;
beforeAll(() => {
  laurel = buildApp({ context: cdkJsonContext() });
  try {
    laurel.app.synth();
  } catch (error) {
    synthError = error;
  }
});
afterAll(() => laurel && rmSync(laurel.app.outdir, { recursive: true, force: true }));

interface Acknowledgment {
  construct: IConstruct;
  id: string;
  reason: string;
}

const acknowledgments = (root: IConstruct): Acknowledgment[] =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          construct,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );

const bundleDir = (rowId: string): string => {
  const target = laurel.stack.functions.byId.get(rowId);
  if (!target) throw new Error(`no function for row ${rowId}`);
  const asset = target.fn.node.findChild('Code') as Asset;
  return join(laurel.app.outdir, asset.assetPath);
};

describe('cdk-nag (AwsSolutions)', () => {
  it('passes the app with no unacknowledged finding', () => {
    expect(synthError).toBeUndefined();
  });

  it('fails the synth on any finding: a bucket without logging or TLS is refused', () => {
    // Prepare
    const broken = buildApp({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
    new Bucket(broken.stack, 'CarelessBucket');

    try {
      // Act, Assess
      expect(() => broken.app.synth()).toThrow(/AwsSolutions-S1\b/);
    } finally {
      rmSync(broken.app.outdir, { recursive: true, force: true });
    }
  });

  it('acknowledges only named AwsSolutions rules, each with a specific reason', () => {
    const found = acknowledgments(laurel.app);
    expect(found.length).toBeGreaterThan(0);
    for (const { id, reason } of found) {
      expect(id).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(reason.trim().length).toBeGreaterThanOrEqual(30);
    }
  });

  it('acknowledges missing authorization (APIG4) only on routes of public rows', () => {
    const publicRouteKeys = routeList.flatMap((row) =>
      row.kind === 'http' && row.audience === 'public' ? [`${row.method} ${row.path}`] : [],
    );
    const acknowledgedRouteKeys = acknowledgments(laurel.app)
      .filter(({ id }) => id === 'AwsSolutions-APIG4')
      .map(({ construct }) => (construct.node.defaultChild as CfnRoute).routeKey);
    expect(acknowledgedRouteKeys.sort()).toEqual(publicRouteKeys.sort());
  });
});

describe('bundles', () => {
  it.each(routeList.map((row) => [row.id]))(
    '%s is one minified ESM file with the require banner, no source map',
    (rowId) => {
      const code = readFileSync(join(bundleDir(rowId), 'index.mjs'), 'utf8');
      expect(code.startsWith("import{createRequire}from'module';const require=createRequire(import.meta.url);")).toBe(
        true,
      );
      expect(code).not.toContain('sourceMappingURL');
      expect(existsSync(join(bundleDir(rowId), 'index.mjs.map'))).toBe(false);
    },
  );

  it('carry swagger-ui next to the docs bundle, and only there', () => {
    for (const row of routeList) {
      const assets = join(bundleDir(row.id), 'docs-assets');
      if (rowsWithDocsAssets.includes(row.id)) {
        expect(existsSync(join(assets, 'swagger-ui.css'))).toBe(true);
        expect(existsSync(join(assets, 'swagger-ui-bundle.js'))).toBe(true);
      } else {
        expect(existsSync(assets)).toBe(false);
      }
    }
  });
});
