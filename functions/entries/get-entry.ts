import { routes } from '../../infra/routes.js';
import { entryView } from '../../shared/domain/entries/entry-access.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { ok } from '../../shared/http/response.js';
import { readableEntry } from '../../shared/use-cases/entries/entry-lifecycle.js';
import { getCategory } from '../../shared/use-cases/programmes.js';

export const handler = httpHandler(routes.getEntry, async ({ principal, params }) => {
  const entry = await readableEntry(principal, params.entryId);
  const category = await getCategory(entry.categoryId);
  return ok(entryView(entry, category, principal), entry.version);
});
