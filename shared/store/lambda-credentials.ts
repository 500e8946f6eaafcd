import { fromEnv } from '@aws-sdk/credential-provider-env';
import { fromHttp, type FromHttpOptions } from '@aws-sdk/credential-provider-http';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

const CONTAINER_URIS = ['AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'];
/** Fetch new credentials this long before the old ones expire, as the SDK's chain does. */
const REFRESH_BEFORE_MS = 5 * 60 * 1000;

async function lambdaCredentials(init: FromHttpOptions): Promise<AwsCredentialIdentity> {
  try {
    return await fromEnv(init)();
  } catch (error) {
    if (!CONTAINER_URIS.some((name) => process.env[name])) throw error;
    return fromHttp(init)();
  }
}

/**
 * The SDK's default credential chain, cut to the sources a Lambda function has: the execution role's
 * keys in `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`, else the container
 * credentials endpoint (`AWS_CONTAINER_CREDENTIALS_*_URI`) where Lambda serves them that way. Like the
 * SDK's chain it keeps what it found until five minutes before it expires.
 *
 * Nothing imports this module: `infra/bundling.ts` aliases `@aws-sdk/credential-provider-node` to it
 * in the Lambda bundles only. The full chain's SSO, ini-file, process and web-identity providers (and
 * the STS/SSO clients they carry) are ~130 KB of every minified bundle, and none of their sources
 * exists in Lambda. Local runs and tests use the SDK's own chain.
 */
export const defaultProvider = (init: FromHttpOptions = {}): AwsCredentialIdentityProvider => {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const fresh = (credentials: AwsCredentialIdentity) =>
    !credentials.expiration || credentials.expiration.getTime() - Date.now() > REFRESH_BEFORE_MS;
  return async () => {
    if (current && fresh(current)) return current;
    pending ??= lambdaCredentials(init)
      .then((found) => (current = found))
      .finally(() => (pending = undefined));
    return pending;
  };
};
