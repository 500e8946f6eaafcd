import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { chooseWinners } from '../../shared/use-cases/results/winners.js';

export const handler = httpHandler(routes.chooseWinners, async ({ principal, params, body, now }) =>
  ok(await chooseWinners(principal, params.categoryId, body, now)),
);
