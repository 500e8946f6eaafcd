import { fileURLToPath } from 'node:url';
import { LogLevel, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/** The repository root: handler paths in the route table are relative to it, and esbuild runs in it. */
export const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * Lambda bundles swap the SDK's default credential chain for the sources Lambda has (see
 * shared/store/lambda-credentials.ts): the rest of the chain is a quarter of every bundle.
 */
const aliases = ['@aws-sdk/credential-provider-node=./shared/store/lambda-credentials.ts'];

/**
 * How every function is bundled: a minified ESM file for the newest Node.js runtime, the AWS SDK
 * inside it. The one place these settings live: `ServiceFunction` hands them to `NodejsFunction`, and
 * `npm run bench:cold` builds with `esbuildOptions` below, which turns them into the same esbuild call.
 */
export const functionBundling = {
  minify: true,
  sourceMap: false,
  format: OutputFormat.ESM,
  target: 'node24',
  mainFields: ['module', 'main'],
  // Bundle the AWS SDK: a bundled, minified SDK starts in about a third of the time of the runtime's copy.
  externalModules: [],
  bundleAwsSDK: true,
  // An ESM bundle has no `require`; CommonJS dependencies inside it still call it.
  banner: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
  esbuildArgs: { '--alias': aliases },
  forceDockerBundling: false,
  logLevel: LogLevel.WARNING,
} satisfies BundlingOptions;

/**
 * The esbuild build `NodejsFunction` runs for `functionBundling` (its command line, as the JS API):
 * `esbuild --bundle <entry> --target --platform=node --format --outfile --minify --log-level
 * --banner:js --main-fields --alias`, from the repository root.
 */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  const {
    minify,
    sourceMap,
    format,
    target,
    mainFields,
    externalModules,
    bundleAwsSDK,
    banner,
    esbuildArgs,
    forceDockerBundling,
    logLevel,
    ...untranslated
  } = functionBundling;
  // A setting added above without a translation here fails the type check, so the bench cannot drift.
  const nothingLeft: Record<string, never> = untranslated;
  void nothingLeft;
  void bundleAwsSDK; // only decides the default externals, and externalModules is given.
  void forceDockerBundling;
  return {
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target,
    format: `${format}`,
    minify,
    sourcemap: sourceMap,
    external: [...externalModules],
    logLevel: `${logLevel}`,
    banner: { js: banner },
    mainFields: [...mainFields],
    alias: Object.fromEntries(esbuildArgs['--alias'].map((pair) => pair.split('=') as [string, string])),
  };
}
