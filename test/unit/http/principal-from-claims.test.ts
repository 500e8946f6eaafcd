import { principalFromClaims } from '../../../shared/http/principal-from-claims.js';

describe('principalFromClaims', () => {
  it('reads groups as API Gateway renders them ("[a b]") and as a real array', () => {
    expect(principalFromClaims({ sub: 'u1', 'cognito:groups': '[judges]' })).toEqual({
      kind: 'user',
      userId: 'u1',
      role: 'judge',
    });
    expect(principalFromClaims({ sub: 'u1', 'cognito:groups': ['entrants'], 'custom:orgCode': '01F' })).toEqual({
      kind: 'user',
      userId: 'u1',
      role: 'entrant',
      orgCode: '01F',
    });
  });

  it('acts with the most powerful group when a user is in several', () => {
    const principal = principalFromClaims({ sub: 'u1', 'cognito:groups': '[entrants organisers]' });
    expect(principal).toMatchObject({ role: 'organiser' });
  });

  it('treats a token without a known group or a subject as anonymous', () => {
    expect(principalFromClaims({ sub: 'u1', 'cognito:groups': '[admins]' })).toEqual({ kind: 'anonymous' });
    expect(principalFromClaims({ 'cognito:groups': '[organisers]' })).toEqual({ kind: 'anonymous' });
    expect(principalFromClaims(undefined)).toEqual({ kind: 'anonymous' });
  });
});
