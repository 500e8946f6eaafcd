import { Match } from 'aws-cdk-lib/assertions';
import { CfnAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import type { CfnUserPool, CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { Runtime, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { functionRuntime } from '../../infra/constructs/service-function.js';
import type { HttpRoute, Route } from '../../infra/route-types.js';
import { routeList } from '../../infra/routes.js';
import { synthLaurel, type SynthesisedLaurel } from './laurel-template.js';

// The stateless part, built from the route table: the real rows plus rows that exercise each kind of access.
const testHandler = 'functions/meta/health.ts';
const syntheticRows: Route[] = [
  {
    kind: 'http',
    id: 'test-reader',
    method: 'GET',
    path: '/__test/read',
    handler: testHandler,
    audience: ['organiser', 'judge'],
    access: { table: 'read' },
    summary: 'Reads the table only',
    tag: 'Test',
    schemas: {},
  },
  {
    kind: 'http',
    id: 'test-writer',
    method: 'POST',
    path: '/__test/write/{entryId}',
    handler: testHandler,
    audience: ['entrant'],
    access: { table: 'write', bucket: ['put'] },
    summary: 'Writes the table, presigns uploads',
    tag: 'Test',
    schemas: {},
  },
  {
    kind: 's3',
    id: 'test-uploaded',
    handler: testHandler,
    prefix: 'entries/',
    access: { table: 'write', bucket: ['get', 'delete'] },
    summary: 'Checks an uploaded object',
  },
];
const rows: readonly Route[] = [...routeList, ...syntheticRows];
const httpRows = routeList.filter((row): row is HttpRoute => row.kind === 'http');

let laurel: SynthesisedLaurel;
beforeAll(() => {
  laurel = synthLaurel({ routes: rows });
});
afterAll(() => laurel?.cleanUp());

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const resources = () => laurel.template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;

const functionOf = (rowId: string) => {
  const target = laurel.stack.functions.byId.get(rowId);
  if (!target) throw new Error(`no function for row ${rowId}`);
  return target;
};
const functionId = (rowId: string) => laurel.logicalId(functionOf(rowId).fn.node.defaultChild as CfnFunction);
const functionProps = (rowId: string) => resources()[functionId(rowId)]?.Properties;

const statementsOf = (rowId: string): Statement[] => {
  const roleId = laurel.logicalId(functionOf(rowId).role.node.defaultChild as CfnRole);
  const policies = laurel.template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
  });
  return Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
};
const actionsOf = (rowId: string) => statementsOf(rowId).flatMap((statement) => [statement.Action].flat());

const tableId = () => laurel.logicalId(laurel.stack.data.table.node.defaultChild as CfnTable);
const bucketId = () => laurel.logicalId(laurel.stack.data.evidenceBucket.node.defaultChild as CfnBucket);

describe('every function', () => {
  it('uses the newest Node.js runtime this aws-cdk-lib offers', () => {
    const newest = Math.max(
      ...Runtime.ALL.map((runtime) => /^nodejs(\d+)\.x$/.exec(runtime.name)?.[1])
        .filter((major): major is string => major !== undefined)
        .map(Number),
    );
    expect(functionRuntime.name).toBe(`nodejs${newest}.x`);
  });

  it.each(rows.map((row) => [row.id]))('%s runs on arm64 and the newest runtime, traced, 1024 MB, 10 s', (rowId) => {
    expect(functionProps(rowId)).toMatchObject({
      Runtime: functionRuntime.name,
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      MemorySize: 1024,
      Timeout: 10,
      Handler: 'index.handler',
    });
  });

  it.each(rows.map((row) => [row.id]))('%s logs to its own log group, kept for one month', (rowId) => {
    const logGroupId = laurel.logicalId(functionOf(rowId).logGroup.node.defaultChild as CfnLogGroup);
    expect(functionProps(rowId).LoggingConfig).toEqual({ LogGroup: { Ref: logGroupId } });
    expect(resources()[logGroupId]?.Properties).toMatchObject({ RetentionInDays: 30 });
    expect(statementsOf(rowId)).toContainEqual({
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
    });
  });

  it.each(rows.map((row) => [row.id]))('%s has its own role with no AWS managed policy', (rowId) => {
    const roleId = laurel.logicalId(functionOf(rowId).role.node.defaultChild as CfnRole);
    expect(resources()[roleId]?.Properties.ManagedPolicyArns).toBeUndefined();
    expect(resources()[roleId]?.Properties.Policies).toBeUndefined();
  });

  it.each(rows.map((row) => [row.id]))('%s gets the table and bucket names and runs as laurel in aws', (rowId) => {
    const variables = functionProps(rowId).Environment.Variables;
    expect(variables).toMatchObject({
      TABLE_NAME: { Ref: tableId() },
      BUCKET_NAME: { Ref: bucketId() },
      POWERTOOLS_SERVICE_NAME: 'laurel',
      LAUREL_ENV: 'aws',
    });
    // Bundles carry no source maps, so --enable-source-maps would only slow every cold start.
    expect(variables.NODE_OPTIONS).toBeUndefined();
  });

  it('tells only the docs function where swagger-ui is (DOCS_ASSETS_DIR)', () => {
    for (const row of rows) {
      const variables = functionProps(row.id).Environment.Variables;
      if (row.id === 'docs') expect(variables.DOCS_ASSETS_DIR).toBe('/var/task/docs-assets');
      else expect(variables.DOCS_ASSETS_DIR).toBeUndefined();
    }
  });
});

describe('data access granted from the route table', () => {
  const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

  it('gives a row that reads the table no write action', () => {
    const readers = rows.filter((row) => row.access.table === 'read');
    expect(readers.length).toBeGreaterThan(0);
    for (const row of readers) {
      expect(actionsOf(row.id)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      for (const action of writeActions) expect(actionsOf(row.id)).not.toContain(action);
    }
  });

  it('gives a row that writes the table the write actions, on the table and its indexes only', () => {
    const writers = rows.filter((row) => row.access.table === 'write');
    expect(writers.length).toBeGreaterThan(0);
    for (const row of writers) {
      expect(statementsOf(row.id)).toContainEqual({
        Effect: 'Allow',
        Action: expect.arrayContaining(writeActions),
        Resource: [
          { 'Fn::GetAtt': [tableId(), 'Arn'] },
          { 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId(), 'Arn'] }, '/index/*']] },
        ],
      });
    }
  });

  it('never grants a Scan', () => {
    for (const row of rows) expect(actionsOf(row.id)).not.toContain('dynamodb:Scan');
  });

  it('gives a row without table access no DynamoDB action', () => {
    for (const row of rows.filter((candidate) => !candidate.access.table)) {
      expect(actionsOf(row.id).filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
    }
  });

  it('gives a row without bucket access no S3 action', () => {
    const withoutBucket = rows.filter((row) => (row.access.bucket ?? []).length === 0);
    expect(withoutBucket.length).toBeGreaterThan(0);
    for (const row of withoutBucket) {
      expect(actionsOf(row.id).filter((action) => action.startsWith('s3:'))).toEqual([]);
    }
  });

  it('gives a row with bucket access exactly its declared actions, on entries/* objects only', () => {
    const s3Action = { put: 's3:PutObject', get: 's3:GetObject', delete: 's3:DeleteObject' } as const;
    const withBucket = rows.filter((row) => (row.access.bucket ?? []).length > 0);
    expect(withBucket.length).toBeGreaterThan(0);
    for (const row of withBucket) {
      const s3Statements = statementsOf(row.id).filter((statement) =>
        [statement.Action].flat().some((action) => action.startsWith('s3:')),
      );
      expect(s3Statements).toHaveLength(1);
      expect([s3Statements[0]?.Action].flat().sort()).toEqual(
        (row.access.bucket ?? []).map((kind) => s3Action[kind]).sort(),
      );
      expect(s3Statements[0]?.Resource).toEqual({
        'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId(), 'Arn'] }, '/entries/*']],
      });
    }
  });
});

describe('S3 event rows', () => {
  it('invoke their function for objects created under their prefix', () => {
    const eventRows = rows.filter((row) => row.kind === 's3');
    expect(eventRows.length).toBeGreaterThan(0);
    for (const row of eventRows) {
      laurel.template.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: { Ref: bucketId() },
        NotificationConfiguration: {
          LambdaFunctionConfigurations: Match.arrayWith([
            {
              Events: ['s3:ObjectCreated:*'],
              Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: row.prefix }] } },
              LambdaFunctionArn: { 'Fn::GetAtt': [functionId(row.id), 'Arn'] },
            },
          ]),
        },
      });
      laurel.template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [functionId(row.id), 'Arn'] },
        Principal: 's3.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [bucketId(), 'Arn'] },
      });
    }
  });
});

describe('the HTTP API', () => {
  const routeResource = (row: HttpRoute) => {
    const found = Object.values(
      laurel.template.findResources('AWS::ApiGatewayV2::Route', {
        Properties: { RouteKey: `${row.method} ${row.path}` },
      }),
    );
    expect(found).toHaveLength(1);
    return found[0]?.Properties;
  };
  const authorizerId = () => {
    const authorizer = laurel.stack.api.node.findAll().find((child) => child instanceof CfnAuthorizer);
    return laurel.logicalId(authorizer as CfnAuthorizer);
  };

  it.each(httpRows.map((row) => [`${row.method} ${row.path}`, row]))('routes %s to its own function', (_key, row) => {
    const integrationId = routeResource(row).Target['Fn::Join'][1][1].Ref;
    expect(resources()[integrationId]?.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [functionId(row.id), 'Arn'] },
    });
  });

  it.each(httpRows.map((row) => [`${row.method} ${row.path}`, row]))(
    '%s needs a user pool token unless the row is public',
    (_key, row) => {
      if (row.audience === 'public') {
        expect(routeResource(row)).toMatchObject({ AuthorizationType: 'NONE' });
        expect(routeResource(row).AuthorizerId).toBeUndefined();
      } else {
        expect(routeResource(row)).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId() } });
      }
    },
  );

  it('puts a non-public row behind the JWT authorizer (synthetic rows)', () => {
    for (const row of syntheticRows.filter((candidate): candidate is HttpRoute => candidate.kind === 'http')) {
      expect(routeResource(row)).toMatchObject({ AuthorizationType: 'JWT' });
    }
  });

  it("trusts only the user pool's issuer and the API client as audience", () => {
    const userPoolId = laurel.logicalId(laurel.stack.identity.userPool.node.defaultChild as CfnUserPool);
    const clientId = laurel.logicalId(laurel.stack.identity.client.node.defaultChild as CfnUserPoolClient);
    laurel.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: { 'Fn::GetAtt': [userPoolId, 'ProviderURL'] }, Audience: [{ Ref: clientId }] },
    });
  });

  it('writes one JSON access-log line per request, with its request id, to a log group kept a month', () => {
    const [stage] = Object.values(laurel.template.findResources('AWS::ApiGatewayV2::Stage'));
    expect(stage?.Properties).toMatchObject({ StageName: '$default', AutoDeploy: true });
    const format = JSON.parse(stage?.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    const logGroupId = stage?.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(resources()[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
  });

  it('throttles the default stage', () => {
    laurel.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingBurstLimit: Match.anyValue(), ThrottlingRateLimit: Match.anyValue() },
    });
  });

  it('allows browsers the methods and headers the API uses (Authorization, If-Match, Idempotency-Key)', () => {
    laurel.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowMethods: Match.arrayWith(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
        AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'if-match', 'idempotency-key']),
        ExposeHeaders: Match.arrayWith(['etag']),
      }),
    });
  });

  it('outputs the API URL, user pool and client ids, table and bucket names', () => {
    for (const output of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName', 'BucketName']) {
      laurel.template.hasOutput(output, { Value: Match.anyValue() });
    }
  });
});
