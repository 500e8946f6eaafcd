import * as z from 'zod';

/**
 * Runtime configuration, parsed once from the environment. A missing variable fails at start
 * instead of turning into an empty string somewhere deep in a request.
 */
const ConfigSchema = z.object({
  TABLE_NAME: z.string().min(1),
  BUCKET_NAME: z.string().min(1),
  AWS_REGION: z.string().min(1).default('eu-west-2'),
  /** Set by the local gateway; in AWS the SDK uses the regional endpoints. */
  AWS_ENDPOINT_URL_DYNAMODB: z.url().optional(),
  AWS_ENDPOINT_URL_S3: z.url().optional(),
  /** Where the API reference page's static files are (Lambda: copied beside the bundle). */
  DOCS_ASSETS_DIR: z.string().optional(),
  /** Largest request body accepted, in bytes. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024),
});

export type Config = z.infer<typeof ConfigSchema>;

let cached: Config | undefined;

/** The parsed configuration; throws on the first call if the environment is incomplete. */
export function config(): Config {
  cached ??= ConfigSchema.parse(process.env);
  return cached;
}
