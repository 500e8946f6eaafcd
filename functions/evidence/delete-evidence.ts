import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { noContent } from '../../shared/http/response.js';
import { deleteEvidence } from '../../shared/use-cases/evidence/evidence-files.js';

export const handler = httpHandler(routes.deleteEvidence, async ({ principal, params, now }) => {
  await deleteEvidence(principal, params.entryId, params.evidenceId, now);
  return noContent();
});
