import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Route } from './route-types.js';
import { routeList } from './routes.js';
import { LaurelStack } from './stacks/laurel-stack.js';

/** Context key: browser origins allowed by CORS, as a list or a comma-separated string (`-c`). */
export const allowedOriginsContextKey = 'laurel:allowedOrigins';

export interface BuildAppProps extends AppProps {
  /** The route table to build; the real one unless a test passes its own rows. */
  routes?: readonly Route[];
}

export interface LaurelApp {
  app: App;
  stack: LaurelStack;
}

/**
 * Builds the CDK app: the Laurel stack from the route table, checked by cdk-nag's AwsSolutions pack
 * (any unacknowledged finding fails the synth). Used by `infra/app.ts` and by the infra tests.
 */
export const buildApp = ({ routes = routeList, ...appProps }: BuildAppProps = {}): LaurelApp => {
  const app = new App(appProps);
  const stack = new LaurelStack(app, 'Laurel', {
    description: 'Laurel: healthcare transformation awards API',
    routes,
    allowedOrigins: allowedOrigins(app.node.tryGetContext(allowedOriginsContextKey)),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
};

const allowedOrigins = (value: unknown): string[] => {
  const origins = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(',').map((origin) => origin.trim())
      : [];
  const nonEmpty = origins.filter((origin) => origin.length > 0);
  return nonEmpty.length > 0 ? nonEmpty : ['*'];
};
