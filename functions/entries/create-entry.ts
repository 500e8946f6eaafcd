import { routes } from '../../infra/routes.js';
import { entryView } from '../../shared/domain/entries/entry-access.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { created } from '../../shared/http/response.js';
import { createEntry } from '../../shared/use-cases/entries/entry-lifecycle.js';

export const handler = httpHandler(routes.createEntry, async ({ principal, body, now }) => {
  const entry = await createEntry(principal, body, now);
  return created(entryView(entry, { blind: false }, principal), entry.version);
});
