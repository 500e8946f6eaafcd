import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, jwtVerify } from 'jose';
import type { JWTPayload, CryptoKey } from 'jose';

export const LOCAL_ISSUER = 'https://laurel.local/issuer';
export const LOCAL_AUDIENCE = 'laurel-local';
const ALG = 'RS256';
/** How many verified tokens the local gateway remembers (the oldest goes first). */
const VERIFIED_KEPT = 1000;

export interface LocalIssuer {
  sign(claims: JWTPayload, expiresIn?: string): Promise<string>;
  /** The token's claims, or undefined when the signature, issuer, audience or expiry is wrong. */
  verify(token: string): Promise<JWTPayload | undefined>;
}

/**
 * The local stand-in for Cognito: an RS256 key pair made on first start under the data folder,
 * tokens with the claims Cognito would carry, verified with issuer and audience checks (jose).
 */
export async function localIssuer(dataDir: string): Promise<LocalIssuer> {
  const dir = join(dataDir, 'keys');
  const privatePath = join(dir, 'jwt-private.pem');
  const publicPath = join(dir, 'jwt-public.pem');
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  if (existsSync(privatePath) && existsSync(publicPath)) {
    privateKey = await importPKCS8(readFileSync(privatePath, 'utf8'), ALG);
    publicKey = await importSPKI(readFileSync(publicPath, 'utf8'), ALG);
  } else {
    ({ privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true }));
    mkdirSync(dir, { recursive: true });
    writeFileSync(privatePath, await exportPKCS8(privateKey), { mode: 0o600 });
    writeFileSync(publicPath, await exportSPKI(publicKey));
  }
  const kid = ((await exportJWK(publicKey)).n ?? 'local').slice(0, 16);
  // Tokens already verified, by their exact text, until they expire: in AWS the API's JWT authorizer
  // does this work, not the function, and a caller sends the same token with every request, so the
  // local gateway need not pay an RSA verification for each (~0.1 ms of CPU a request, measured by
  // bench/api.ts: some 40% of what the gateway and the wrapper add to a one-call route).
  const verified = new Map<string, JWTPayload>();
  return {
    sign: (claims, expiresIn = '12h') =>
      new SignJWT({ ...claims, token_use: 'access' })
        .setProtectedHeader({ alg: ALG, kid })
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey),
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        if (typeof known.exp === 'number' && known.exp * 1000 > Date.now()) return known;
        verified.delete(token);
      }
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: LOCAL_ISSUER,
          audience: LOCAL_AUDIENCE,
          algorithms: [ALG],
        });
        if (verified.size >= VERIFIED_KEPT) verified.delete(verified.keys().next().value!);
        verified.set(token, Object.freeze(payload));
        return payload;
      } catch {
        return undefined;
      }
    },
  };
}
