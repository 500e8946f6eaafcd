import fc from 'fast-check';
import { ulid } from 'ulidx';
import type * as z from 'zod';
import type { HttpRoute, Role } from '../../../infra/route-types.js';
import {
  beyondGatewayCap,
  edgeArbitrary,
  mutationArbitrary,
  transportCases,
  treeArbitrary,
  type BodyCase,
} from './body-cases.js';
import { jsonText } from './hostile-values.js';
import { callersOf, fillPath, pathParamNames, realIdFor, type FuzzTargets } from './fuzz-world.js';
import { forgedCursors, queryArbitrary } from './query-cases.js';
import type { RawRequest } from './raw-client.js';
import { bodyPassesParsing, pathPassesParsing, queryPassesParsing, safeTarget } from './request-oracle.js';
import { jsonSchemaOf, schemaKeys, validQuery, validSample, type IdHint } from './valid-sample.js';

/** A request the fuzzer sends, and what it expects of the answer. */
export interface FuzzRequest extends RawRequest {
  routeId: string;
  label: string;
  /**
   * True when the request must be refused (4xx) and change nothing: every non-GET request the fuzzer
   * sends is built to fail, at parsing or (ids of nothing stored, a stale If-Match) in the domain.
   */
  mustRefuse: boolean;
}

export interface PlanOptions {
  /** Requests to send to this route. */
  budget: number;
  seed: number;
  maxBodyBytes: number;
  /** A next-page cursor this route really issued, to forge variants of. */
  realCursor?: string | undefined;
  /** Adds one request beyond the gateway's 10 MB cap. */
  withGatewayCap?: boolean;
}

const HOSTILE_PATH_VALUES = [
  '%00',
  '%ZZ',
  '%E0%A4%A',
  '%ED%A0%80',
  '__proto__',
  'constructor',
  '..',
  '%2E%2E',
  '%2F',
  'a'.repeat(3000),
  '01hzzzzzzzzzzzzzzzzzzzzzzz',
  '01HZZZZZZZZZZZZZZZZZZZZZZZ%20',
  '%F0%9F%8F%A5',
  '%22%3E%3Cscript%3E',
];

const STALE_IF_MATCH = ['"987654321"', '*', '"abc"', 'W/"999999"', `"${'9'.repeat(16)}"`, '"-1"', '"1", "2"'];

/** Keys for POSTs refused in the domain: a valid one is claimed, then must be released. */
const IDEMPOTENCY_KEYS = [() => `fuzz-${ulid()}`, () => 'k'.repeat(129), () => 'has space', () => '', () => 'caf\xe9'];

const isIdName = (name: string) => /Ids?$/.test(name);

/** Hints that name nothing stored: fresh ULIDs for ids, an unknown user for user ids. */
const nothingStored: IdHint = (name) => {
  if (name === 'judgeId' || name === 'userId') return `nobody-${ulid().toLowerCase()}`;
  return isIdName(name) ? ulid() : undefined;
};

const encodeQuery = (query: Record<string, string>) => new URLSearchParams(query).toString();

/** Samples of an arbitrary, as many as asked for, from a seed (the run can be replayed with FUZZ_SEED). */
function* samples<T>(arbitrary: fc.Arbitrary<T>, seed: number): Generator<T> {
  for (let batch = 0; ; batch++) yield* fc.sample(arbitrary, { numRuns: 50, seed: seed + batch });
}

/**
 * The requests for one route: transport nasties, hostile paths, mutated and hostile bodies, hostile
 * queries and forged cursors, and edge bodies aimed at ids that name nothing. Each request goes out
 * with a valid token of a role the route admits, and real ids elsewhere, so it reaches parsing and
 * the domain. A candidate meant to be refused that the oracle says would pass parsing is not sent.
 */
export function* routeRequests(route: HttpRoute, targets: FuzzTargets, options: PlanOptions): Generator<FuzzRequest> {
  const { params, query: querySchema, body: bodySchema } = route.schemas;
  const callers = callersOf(route);
  const isGet = route.method === 'GET';
  let sent = 0;

  const context = (i: number, hint?: IdHint) => {
    const role = callers[i % callers.length] as Role | undefined;
    const ids = hint ?? realIdFor(targets, role);
    const pathIds = Object.fromEntries(pathParamNames(route.path).map((n) => [n, ids(n) ?? targets.submittedEntryId]));
    const query = querySchema ? validQuery(querySchema, ids) : {};
    const body = bodySchema ? validSample(bodySchema, ids) : undefined;
    const headers: Record<string, string> = role ? { authorization: `Bearer ${targets.tokens[role]}` } : {};
    return { role, pathIds, query, body, headers };
  };

  /** Builds one request, or nothing when it is meant to be refused and would not be. */
  const make = (
    label: string,
    parts: {
      pathIds: Record<string, string>;
      encodedPath?: Record<string, string>;
      query: string;
      body?: BodyCase | undefined;
      headers: Record<string, string>;
      mustRefuse: boolean;
      /** The request only fails in the domain (ids of nothing): do not insist that parsing refuse it. */
      refusedByDomain?: boolean;
    },
  ): FuzzRequest | undefined => {
    const encoded =
      parts.encodedPath ??
      Object.fromEntries(Object.entries(parts.pathIds).map(([k, v]) => [k, encodeURIComponent(v)]));
    const target = safeTarget(
      `${fillPath(route.path, (n) => encoded[n] ?? '')}${parts.query ? `?${parts.query}` : ''}`,
    );
    if (parts.mustRefuse && !parts.refusedByDomain) {
      const passes =
        pathPassesParsing(params, encoded) &&
        queryPassesParsing(querySchema, target) &&
        (!bodySchema ||
          (parts.body !== undefined &&
            bodyPassesParsing(
              bodySchema as z.ZodType,
              parts.body.bytes,
              parts.body.contentType,
              options.maxBodyBytes,
            )));
      if (passes) return undefined;
    }
    const headers = { ...parts.headers };
    if (parts.body?.contentType !== undefined) headers['content-type'] = parts.body.contentType;
    return {
      routeId: route.id,
      label,
      method: route.method,
      target,
      headers,
      body: parts.body?.bytes,
      mustRefuse: parts.mustRefuse,
    };
  };

  const share = (fraction: number) => Math.floor(options.budget * fraction);
  const mustRefuse = !isGet;

  function* take(count: number, build: (i: number) => FuzzRequest | undefined) {
    let made = 0;
    for (let i = 0; made < count && i < count * 20; i++) {
      const request = build(i);
      if (request) {
        made++;
        sent++;
        yield request;
      }
    }
  }

  // Bodies.
  if (bodySchema) {
    const base = context(0);
    const bodyJsonSchema = jsonSchemaOf(bodySchema as z.ZodType);
    const keys = schemaKeys(bodySchema as z.ZodType);
    const sampleText = base.body === undefined ? '{}' : jsonText(base.body);
    const transport = [
      ...transportCases(sampleText, options.maxBodyBytes),
      ...(options.withGatewayCap ? [beyondGatewayCap()] : []),
    ];
    yield* take(transport.length, (i) => {
      const c = context(i);
      const body = transport[i];
      return body && make(body.label, { ...c, query: encodeQuery(c.query), body, mustRefuse });
    });

    // A hostile value in a path parameter, with a valid body.
    const names = pathParamNames(route.path);
    if (names.length) {
      yield* take(HOSTILE_PATH_VALUES.length * names.length, (i) => {
        const c = context(i);
        const name = names[i % names.length] as string;
        const value = HOSTILE_PATH_VALUES[Math.floor(i / names.length) % HOSTILE_PATH_VALUES.length] as string;
        const encodedPath = {
          ...Object.fromEntries(Object.entries(c.pathIds).map(([k, v]) => [k, encodeURIComponent(v)])),
          [name]: value,
        };
        const body =
          c.body === undefined
            ? undefined
            : { label: 'valid', bytes: Buffer.from(jsonText(c.body)), contentType: 'application/json' };
        return make(`hostile ${name}`, { ...c, encodedPath, query: encodeQuery(c.query), body, mustRefuse });
      });
    }

    // Edge bodies the schema may accept, where the ids name nothing stored (or the If-Match is stale).
    const idNames = [
      ...names,
      ...Object.keys(base.query),
      ...(base.body && typeof base.body === 'object' ? Object.keys(base.body) : []),
    ];
    const staleIfMatch = route.method === 'PATCH';
    if (base.body !== undefined && (idNames.some(isIdName) || staleIfMatch)) {
      const edges = samples(edgeArbitrary(base.body, bodyJsonSchema), options.seed + 7);
      yield* take(share(0.15), (i) => {
        const stale = staleIfMatch && i % 2 === 0;
        const c = stale ? context(i) : context(i, nothingStored);
        if (c.body === undefined) return undefined;
        const edge = (
          i % 5 === 0
            ? { label: 'valid sample', bytes: Buffer.from(jsonText(c.body)), contentType: 'application/json' }
            : edges.next().value
        ) as BodyCase;
        // Re-aim the edge body's ids at nothing, too (an edge body starts from the real-id sample).
        const retargeted = stale
          ? edge
          : { ...edge, bytes: Buffer.from(retargetIds(edge.bytes.toString('utf8'), base.body, c.body)) };
        const idempotencyKey = IDEMPOTENCY_KEYS[i % IDEMPOTENCY_KEYS.length] as () => string;
        const headers = {
          ...c.headers,
          ...(stale ? { 'if-match': STALE_IF_MATCH[i % STALE_IF_MATCH.length] as string } : {}),
          ...(route.method === 'POST' && i % 3 === 0 ? { 'idempotency-key': idempotencyKey() } : {}),
        };
        return make(`${edge.label} ${stale ? 'with a stale If-Match' : 'for ids of nothing'}`, {
          ...c,
          query: encodeQuery(c.query),
          body: retargeted,
          headers,
          mustRefuse,
          refusedByDomain: true,
        });
      });
    }

    // Mutated valid bodies and hostile JSON trees.
    const queryShare = querySchema ? share(0.25) : 0;
    const remaining = Math.max(options.budget - sent - queryShare, 0);
    const mutations =
      base.body === undefined
        ? undefined
        : samples(mutationArbitrary(base.body, bodyJsonSchema, keys), options.seed + 1);
    const trees = samples(treeArbitrary(keys), options.seed + 2);
    yield* take(remaining, (i) => {
      const c = context(i);
      const body = (mutations && i % 20 < 11 ? mutations.next().value : trees.next().value) as BodyCase;
      return make(body.label, { ...c, query: encodeQuery(c.query), body, mustRefuse });
    });
  }

  // Queries.
  if (querySchema) {
    const base = context(0);
    const cursors = forgedCursors(options.realCursor);
    const queries = samples(queryArbitrary(base.query, cursors), options.seed + 3);
    const validBody = base.body === undefined ? undefined : Buffer.from(jsonText(base.body));
    yield* take(Math.max(options.budget - sent, 0), (i) => {
      const c = context(i);
      const q = queries.next().value as { label: string; query: string };
      const bodyOnGet = isGet && i % 10 === 0;
      const body: BodyCase | undefined = validBody
        ? { label: 'valid', bytes: validBody, contentType: 'application/json' }
        : bodyOnGet
          ? {
              label: 'body on GET',
              bytes: Buffer.from(i % 20 === 0 ? '{"__proto__":{"polluted":1}}' : '\xff\xfe garbage', 'latin1'),
              contentType: 'application/json',
            }
          : undefined;
      return make(bodyOnGet ? `${q.label}, body on GET` : q.label, { ...c, query: q.query, body, mustRefuse });
    });
  }
}

/** Swaps the real ids of `from` for the ids of `to` wherever they appear in a body text. */
function retargetIds(text: string, from: unknown, to: unknown): string {
  if (!from || !to || typeof from !== 'object' || typeof to !== 'object') return text;
  let out = text;
  for (const [key, value] of Object.entries(from)) {
    const next = (to as Record<string, unknown>)[key];
    if (isIdName(key) && typeof value === 'string' && typeof next === 'string') out = out.split(value).join(next);
    if (Array.isArray(value) && Array.isArray(next) && isIdName(key)) {
      value.forEach((v, i) => {
        if (typeof v === 'string' && typeof next[i] === 'string') out = out.split(v).join(next[i] as string);
      });
    }
  }
  return out;
}
