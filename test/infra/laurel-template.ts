import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type LaurelApp } from '../../infra/build-app.js';
import { repoRoot } from '../../infra/constructs/service-function.js';
import type { Route } from '../../infra/route-types.js';

/** The context `cdk synth` gets from cdk.json (feature flags, allowed origins). */
export const cdkJsonContext = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')).context;

export interface SynthOptions {
  routes?: readonly Route[];
  /** Run esbuild for every function; off by default, since template assertions do not need the bundles. */
  bundle?: boolean;
  context?: Record<string, unknown>;
}

export interface SynthesisedLaurel extends LaurelApp {
  template: Template;
  logicalId: (element: CfnElement) => string;
  /** Deletes the temporary cloud assembly. */
  cleanUp: () => void;
}

/** Builds the app as `infra/app.ts` does, with cdk.json's context, and synthesises its template once. */
export const synthLaurel = (options: SynthOptions = {}): SynthesisedLaurel => {
  const context = {
    ...cdkJsonContext(),
    ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    ...options.context,
  };
  const laurel = buildApp({ ...(options.routes ? { routes: options.routes } : {}), context });
  const template = Template.fromStack(laurel.stack);
  return {
    ...laurel,
    template,
    logicalId: (element) => laurel.stack.getLogicalId(element),
    cleanUp: () => rmSync(laurel.app.outdir, { recursive: true, force: true }),
  };
};
