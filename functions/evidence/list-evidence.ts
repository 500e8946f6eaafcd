import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { listEvidence } from '../../shared/use-cases/evidence/evidence-files.js';

export const handler = httpHandler(routes.listEvidence, async ({ principal, params, now }) =>
  ok(await listEvidence(principal, params.entryId, now)),
);
