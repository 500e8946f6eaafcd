import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { created } from '../../shared/http/response.js';
import { requestEvidenceUpload } from '../../shared/use-cases/evidence/request-upload.js';

export const handler = httpHandler(routes.requestEvidenceUpload, async ({ principal, params, body, now }) =>
  created(await requestEvidenceUpload(principal, params.entryId, body, now)),
);
