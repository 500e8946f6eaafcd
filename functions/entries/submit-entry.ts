import { routes } from '../../infra/routes.js';
import { entryView } from '../../shared/domain/entries/entry-access.js';
import { httpHandler } from '../../shared/http/http-handler.js';
import { optionalExpectedVersion } from '../../shared/http/if-match.js';
import { ok } from '../../shared/http/response.js';
import { submit } from '../../shared/use-cases/entries/entry-lifecycle.js';

export const handler = httpHandler(routes.submitEntry, async ({ principal, params, headers, now }) => {
  const entry = await submit(principal, params.entryId, optionalExpectedVersion(headers), now);
  return ok(entryView(entry, { blind: false }, principal), entry.version);
});
