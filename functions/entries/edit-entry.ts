import { routes } from '../../infra/routes.js';
import { entryView } from '../../shared/domain/entries/entry-access.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { expectedVersion } from '../../shared/http/if-match.js';
import { ok } from '../../shared/http/response.js';
import { editEntry } from '../../shared/use-cases/entries/entry-lifecycle.js';

export const handler = httpHandler(routes.editEntry, async ({ principal, params, body, headers, now }) => {
  const entry = await editEntry(principal, params.entryId, expectedVersion(headers), body, now);
  return ok(entryView(entry, { blind: false }, principal), entry.version);
});
