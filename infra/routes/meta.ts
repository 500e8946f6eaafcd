import { httpRoute } from '../route-types.js';

export const metaRoutes = {
  health: httpRoute({
    id: 'health',
    method: 'GET',
    path: '/health',
    handler: 'functions/meta/health.ts',
    audience: 'public',
    access: {},
    summary: 'Liveness check',
    tag: 'Meta',
    schemas: {},
  }),
  openapi: httpRoute({
    id: 'openapi',
    method: 'GET',
    path: '/openapi.json',
    handler: 'functions/meta/openapi.ts',
    audience: 'public',
    access: {},
    summary: 'The OpenAPI 3.1 document, generated from the route table',
    tag: 'Meta',
    schemas: {},
  }),
  docs: httpRoute({
    id: 'docs',
    method: 'GET',
    path: '/docs',
    handler: 'functions/meta/docs.ts',
    audience: 'public',
    access: {},
    summary: 'The human API reference page',
    tag: 'Meta',
    schemas: {},
    produces: 'text/html',
  }),
} as const;
