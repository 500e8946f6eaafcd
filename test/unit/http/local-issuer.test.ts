import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localIssuer, type LocalIssuer } from '../../../infra/local/jwt-issuer.js';

/**
 * The local gateway remembers tokens it has verified (in AWS the authorizer, not the function, pays
 * for verifying): remembering must never let through a token that has since expired.
 */
let dir: string;
let issuer: LocalIssuer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'laurel-issuer-'));
  issuer = await localIssuer(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local token issuer', () => {
  it('accepts a token it verified before, and refuses it once it has expired', async () => {
    // Prepare: a token that lives for a second, verified once
    const token = await issuer.sign({ sub: 'judge-1' }, '1s');
    expect(await issuer.verify(token)).toMatchObject({ sub: 'judge-1' });
    expect(await issuer.verify(token)).toMatchObject({ sub: 'judge-1' });
    // Act: past its expiry
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    // Assess
    expect(await issuer.verify(token)).toBeUndefined();
  });

  it('refuses a token whose signature is not its own, however often it is sent', async () => {
    // Prepare: a valid token with its signature's last characters changed
    const token = await issuer.sign({ sub: 'judge-2' });
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    // Act / Assess
    expect(await issuer.verify(forged)).toBeUndefined();
    expect(await issuer.verify(forged)).toBeUndefined();
    expect(await issuer.verify(token)).toMatchObject({ sub: 'judge-2' });
  });
});
