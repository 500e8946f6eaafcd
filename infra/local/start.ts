import { resolve } from 'node:path';
import { routeList } from '../routes.js';
import { claimsFor } from './demo-claims.js';
import { startLocalStack } from './local-stack.js';
import { DEMO_PROGRAMMES } from './demo-data.js';
import { DEMO_USERS } from './demo-users.js';
import { seedDemoData } from './seed.js';

/** `npm start`: the local API on embedded servers, with demo data, until Ctrl-C. */
const dataDir = resolve(process.env.LAUREL_DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 3000);

const stack = await startLocalStack({
  dataDir,
  port,
  routes: routeList,
  log: (line) => console.log(line),
});
await seedDemoData();

const url = stack.gateway.url.replace('127.0.0.1', 'localhost');
console.log(`
Laurel is running (data in ${dataDir})
  API        ${url}
  API docs   ${url}/docs
  OpenAPI    ${url}/openapi.json
  Health     ${url}/health
  Results    ${Object.values(DEMO_PROGRAMMES)
    .map((p) => `${url}/results/${p.programmeId}`)
    .join('\n             ')}

Demo tokens (valid 12 h; more with: npm run token -- <organiser|judge|entrant> [--user ID] [--org ODS_CODE]):`);
for (const user of DEMO_USERS) {
  const token = await stack.issuer.sign(claimsFor(user.role, user));
  console.log(`  ${user.label.padEnd(34)} ${token}`);
}
console.log('\nCtrl-C stops everything; the data stays in the data folder.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
