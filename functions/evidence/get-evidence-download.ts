import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { evidenceDownload } from '../../shared/use-cases/evidence/evidence-files.js';

export const handler = httpHandler(routes.getEvidenceDownload, async ({ principal, params, now }) =>
  ok(await evidenceDownload(principal, params.entryId, params.evidenceId, now)),
);
