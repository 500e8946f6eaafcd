import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startLocalStack } from './local-stack.js';
import { seedDemoData } from './seed.js';

/** `npm run seed [-- --reset]`: seed the demo awards into the local data folder (stop `npm start` first). */
const dataDir = resolve(process.env.LAUREL_DATA_DIR ?? '.data');
if (process.argv.includes('--reset')) {
  // The signing keys stay, so tokens already handed out keep working.
  rmSync(join(dataDir, 'dynamodb'), { recursive: true, force: true });
  rmSync(join(dataDir, 's3'), { recursive: true, force: true });
  console.log(`Cleared the demo data in ${dataDir}.`);
}
let stack;
try {
  stack = await startLocalStack({ dataDir, port: 0 });
} catch (error) {
  console.error(`Could not open the local data (is \`npm start\` running? stop it first): ${String(error)}`);
  process.exit(1);
}
await seedDemoData();
await stack.stop();
console.log(
  'Seeded the demo awards: HSJ Awards 2016 (judging) and Healthcare Transformation Awards 2017 (entries open).',
);
