import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import * as z from 'zod';
import { claimsFor } from './demo-claims.js';
import { localIssuer } from './jwt-issuer.js';

/** `npm run token -- <organiser|judge|entrant> [--user ID] [--name NAME] [--org ODS_CODE]` */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    user: { type: 'string' },
    name: { type: 'string' },
    org: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});
const role = z.enum(['organiser', 'judge', 'entrant']).safeParse(positionals[0]);
if (!role.success) {
  console.error('usage: npm run token -- <organiser|judge|entrant> [--user ID] [--name NAME] [--org ODS_CODE]');
  process.exit(2);
}
if (role.data === 'entrant' && !values.org) {
  console.error('An entrant token needs --org ODS_CODE (the organisation the entrant works for).');
  process.exit(2);
}
const issuer = await localIssuer(resolve(process.env.LAUREL_DATA_DIR ?? '.data'));
const token = await issuer.sign(
  claimsFor(role.data, {
    userId: values.user ?? `local-${role.data}`,
    ...(values.name ? { name: values.name } : {}),
    ...(values.org ? { orgCode: values.org } : {}),
  }),
  values.expires,
);
console.log(token);
