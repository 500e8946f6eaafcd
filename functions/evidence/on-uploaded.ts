import { routes } from '../../infra/routes.js';
import { s3EventHandler } from '../../shared/http/s3-event-handler.js';
import { checkUploadedEvidence } from '../../shared/use-cases/evidence/check-upload.js';

export const handler = s3EventHandler(routes.onEvidenceUploaded, async (record) => {
  await checkUploadedEvidence(record.s3.object.key, new Date());
});
