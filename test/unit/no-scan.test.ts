import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('request paths', () => {
  it('never Scan the table: every read is a GetItem or a Query', () => {
    const offenders = ['functions', 'shared']
      .flatMap((dir) => sources(join(root, dir)))
      .filter((file) => /\bScan(Command|Input)\b|\.scan\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
