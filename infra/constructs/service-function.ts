import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { functionBundling, repoRoot } from '../bundling.js';

export { repoRoot };

/** The newest Node.js runtime this aws-cdk-lib offers (cdk-nag L1 wants the latest). */
export const functionRuntime = Runtime.NODEJS_24_X;

/** Where the docs function finds the swagger-ui files copied next to its bundle. */
export const docsAssetsDir = '/var/task/docs-assets';

const require = createRequire(import.meta.url);

/** Files of swagger-ui-dist the `/docs` page serves; copied, not bundled, because they are static. */
const swaggerUiFiles = ['swagger-ui.css', 'swagger-ui-bundle.js'];

export interface ServiceFunctionProps {
  /** Handler file relative to the repository root. */
  handler: string;
  description: string;
  environment: Record<string, string>;
  /** Copy swagger-ui's static files into `docs-assets/` next to the bundle. */
  docsAssets?: boolean;
}

/**
 * One Lambda function with the settings every Laurel function shares: newest Node.js runtime, arm64,
 * a minified ESM bundle with the AWS SDK inside (`functionBundling`), its own role and log group, and
 * active tracing.
 */
export class ServiceFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    assertLocalEsbuild();

    // Its own role with an explicit log grant, instead of AWSLambdaBasicExecutionRole, which may write to any log group.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(repoRoot, props.handler),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      description: props.description.slice(0, 256),
      runtime: functionRuntime,
      architecture: Architecture.ARM_64,
      // Lambda gives CPU in proportion to memory: 1024 MB makes the cold start (SDK and zod bundled) and
      // each request several times faster than 128 MB, so a request costs about the same and answers sooner.
      memorySize: 1024,
      timeout: Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: 'laurel',
        LAUREL_ENV: 'aws',
        ...(props.docsAssets ? { DOCS_ASSETS_DIR: docsAssetsDir } : {}),
      },
      bundling: { ...functionBundling, ...(props.docsAssets ? { commandHooks: copySwaggerUi() } : {}) },
    });

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    });
  }
}

/** Fails the synth with a clear message rather than letting NodejsFunction fall back to Docker. */
const assertLocalEsbuild = (): void => {
  try {
    require.resolve('esbuild');
  } catch {
    throw new Error('esbuild is not installed: run `npm ci` (bundling must run locally, never in Docker).');
  }
};

const copySwaggerUi = (): ICommandHooks => {
  const sourceDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir: string, outputDir: string) => [
      `mkdir -p "${outputDir}/docs-assets"`,
      `cp ${swaggerUiFiles.map((file) => `"${join(sourceDir, file)}"`).join(' ')} "${outputDir}/docs-assets/"`,
    ],
  };
};
