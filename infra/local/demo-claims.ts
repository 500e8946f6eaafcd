import type { Role } from '../route-types.js';

const groups: Record<Role, string> = { organiser: 'organisers', judge: 'judges', entrant: 'entrants' };

/** The claims Cognito puts in a token for a user of this role (sub, groups, organisation attribute). */
export function claimsFor(role: Role, user: { userId: string; name?: string; orgCode?: string }) {
  return {
    sub: user.userId,
    'cognito:groups': [groups[role]],
    ...(user.name ? { name: user.name } : {}),
    ...(user.orgCode ? { 'custom:orgCode': user.orgCode } : {}),
  };
}
