import type { Route } from './route-types.js';
import { entryRoutes } from './routes/entries.js';
import { evidenceRoutes } from './routes/evidence.js';
import { judgingRoutes } from './routes/judging.js';
import { metaRoutes } from './routes/meta.js';
import { organisationRoutes } from './routes/organisations.js';
import { programmeRoutes } from './routes/programmes.js';
import { resultRoutes } from './routes/results.js';

/**
 * The route table: every function once, gathered from one file per area. The CDK stack and the
 * local gateway both loop over it, so a route added here exists in both worlds (architecture.md,
 * "The route table is the spine"). Each row's key is its id.
 */
export const routes = {
  ...metaRoutes,
  ...organisationRoutes,
  ...programmeRoutes,
  ...entryRoutes,
  ...evidenceRoutes,
  ...judgingRoutes,
  ...resultRoutes,
} as const;

export const routeList: readonly Route[] = Object.values(routes);
