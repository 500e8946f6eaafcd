import * as z from 'zod';
import type { Role } from '../route-types.js';

/** Audiences and access levels the route rows share. */
export const signedIn: readonly Role[] = ['organiser', 'judge', 'entrant'];
export const organiser: readonly Role[] = ['organiser'];
export const judge: readonly Role[] = ['judge'];
export const entrant: readonly Role[] = ['entrant'];
export const read = { table: 'read' } as const;
export const write = { table: 'write' } as const;
export const IfMatch = z.object({ 'if-match': z.string().optional().describe('The ETag last read, e.g. "3"') });
export const IdempotencyKey = z.object({
  'idempotency-key': z.string().optional().describe('Makes a retried create safe'),
});
