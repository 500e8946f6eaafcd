import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { categoryProgress } from '../../shared/use-cases/results/progress.js';

export const handler = httpHandler(routes.categoryProgress, async ({ params }) =>
  ok(await categoryProgress(params.categoryId)),
);
