import type { Principal, Role } from '../domain/principal.js';

const groupRoles: Record<string, Role> = { organisers: 'organiser', judges: 'judge', entrants: 'entrant' };
/** Most powerful first: a user in several groups acts with the highest one. */
const precedence: Role[] = ['organiser', 'judge', 'entrant'];

/**
 * API Gateway's JWT authorizer renders an array claim as a string such as `[organisers judges]`;
 * a locally verified token gives a real array. Accept both.
 */
function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** Turns the authorizer's claims into a Principal; no claims means an anonymous caller. */
export function principalFromClaims(claims: Record<string, unknown> | undefined): Principal {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub === '') return { kind: 'anonymous' };
  const roles = new Set(groupsOf(claims?.['cognito:groups']).flatMap((g) => groupRoles[g] ?? []));
  const role = precedence.find((r) => roles.has(r));
  if (!role) return { kind: 'anonymous' };
  const orgCode = claims?.['custom:orgCode'];
  const name = claims?.name;
  return {
    kind: 'user',
    userId: sub,
    role,
    ...(typeof orgCode === 'string' && orgCode !== '' ? { orgCode } : {}),
    ...(typeof name === 'string' ? { name } : {}),
  };
}
