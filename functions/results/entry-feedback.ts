import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { feedbackForEntrant } from '../../shared/use-cases/results/feedback.js';

export const handler = httpHandler(routes.entryFeedback, async ({ principal, params }) =>
  ok(await feedbackForEntrant(principal, params.entryId)),
);
