import { routes } from '../../infra/routes.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { text } from '../../shared/http/response.js';
import { categoryResultsCsv } from '../../shared/use-cases/results/category-results.js';

export const handler = httpHandler(routes.categoryResultsCsv, async ({ params }) => {
  const { fileName, csv } = await categoryResultsCsv(params.categoryId);
  return text(200, csv, 'text/csv; charset=utf-8', { 'content-disposition': `attachment; filename="${fileName}"` });
});
