import type { Role } from '../../infra/route-types.js';

export type { Role };

/** Who is calling, as the token says. Built once per request from the authorizer's claims. */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      role: Role;
      /** The caller's organisation (ODS code): required for entrants, optional for judges. */
      orgCode?: string;
      name?: string;
    };

export type SignedIn = Extract<Principal, { kind: 'user' }>;
