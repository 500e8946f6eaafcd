import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
  type HttpRoute as ApiRoute,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HttpRoute } from '../route-types.js';

/** Stage-wide limits; a client past them gets 429 before any function runs. */
export const apiThrottle = { rateLimit: 50, burstLimit: 100 } as const;

/** One JSON object per request; HTTP API `$context` variables only. */
const accessLogFields = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
};

export interface LaurelHttpApiProps {
  userPool: UserPool;
  client: UserPoolClient;
  /** Browser origins allowed by CORS. */
  allowedOrigins: readonly string[];
}

/**
 * The HTTP API: a `$default` stage with JSON access logs and throttling, CORS, and a JWT authorizer
 * that accepts the user pool's tokens for the API client. Public routes get no authorizer.
 */
export class LaurelHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  private readonly authorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, props: LaurelHttpApiProps) {
    super(scope, id);

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Laurel awards API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.allowedOrigins],
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
        ],
        allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
        exposeHeaders: ['etag', 'location'],
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', props.userPool.userPoolProviderUrl, {
      jwtAudience: [props.client.userPoolClientId],
    });
  }

  /** Routes a row of the route table to its function, behind the JWT authorizer unless the row is public. */
  addRoute(row: HttpRoute, fn: IFunction): ApiRoute[] {
    const isPublic = row.audience === 'public';
    const routes = this.api.addRoutes({
      path: row.path,
      methods: [HttpMethod[row.method]],
      integration: new HttpLambdaIntegration(`${row.id}-integration`, fn),
      authorizer: isPublic ? new HttpNoneAuthorizer() : this.authorizer,
    });
    if (isPublic) {
      for (const route of routes) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${row.method} ${row.path} is public by design (audience 'public' in the route table): ${row.summary}.`,
        });
      }
    }
    return routes;
  }
}
