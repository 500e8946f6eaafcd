import type { HttpRoute } from '../route-types.js';

export interface RouteMatch {
  route: HttpRoute;
  pathParameters: Record<string, string>;
}

interface Compiled {
  route: HttpRoute;
  pattern: RegExp;
  names: string[];
  literals: number;
}

function compile(route: HttpRoute): Compiled {
  const names: string[] = [];
  const segments = route.path.split('/').slice(1);
  const source = segments
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (param?.[1]) {
        names.push(param[1]);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { route, pattern: new RegExp(`^/${source}/?$`), names, literals: segments.length - names.length };
}

/**
 * Matches a request to a route the way API Gateway does: the most specific path wins (more literal
 * segments first), then the method. Knows when a path exists but not for this method.
 */
export function routeMatcher(routes: readonly HttpRoute[]) {
  const compiled = routes.map(compile).sort((a, b) => b.literals - a.literals);
  return (method: string, path: string): RouteMatch | { allowed: string[] } | undefined => {
    const allowed: string[] = [];
    for (const c of compiled) {
      const m = c.pattern.exec(path);
      if (!m) continue;
      if (c.route.method !== method) {
        allowed.push(c.route.method);
        continue;
      }
      const pathParameters: Record<string, string> = {};
      c.names.forEach((name, i) => {
        pathParameters[name] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route: c.route, pathParameters };
    }
    return allowed.length > 0 ? { allowed } : undefined;
  };
}
