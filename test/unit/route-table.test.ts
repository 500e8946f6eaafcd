import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeList } from '../../infra/routes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function handlerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? handlerFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('the route table', () => {
  it('lists every handler file under functions/', () => {
    const listed = new Set(routeList.map((r) => r.handler));
    const files = handlerFiles(join(root, 'functions')).map((f) => relative(root, f));
    expect(files.filter((f) => !listed.has(f))).toEqual([]);
  });

  it('has a handler file for every row, exporting `handler`', () => {
    for (const route of routeList) {
      const file = join(root, route.handler);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(/export const handler = /);
    }
  });

  it('gives every row a unique id and every HTTP route a unique method and path', () => {
    const ids = routeList.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = routeList.flatMap((r) => (r.kind === 'http' ? [`${r.method} ${r.path}`] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('binds each handler to its own row (the row key is its id)', () => {
    for (const route of routeList) {
      const source = readFileSync(join(root, route.handler), 'utf8');
      const bound = /(?:httpHandler|s3EventHandler)\(routes\.(\w+)/.exec(source);
      expect(bound?.[1]).toBe(route.id);
    }
  });
});
