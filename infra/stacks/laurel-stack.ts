import { CfnOutput, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type { Construct, IConstruct } from 'constructs';
import type { Route } from '../route-types.js';
import { DataStore } from '../constructs/data-store.js';
import { LaurelHttpApi } from '../constructs/http-api.js';
import { Identity } from '../constructs/identity.js';
import { RouteFunctions } from '../constructs/route-functions.js';

export interface LaurelStackProps extends StackProps {
  routes: readonly Route[];
  /** Browser origins allowed to call the API and to upload evidence. */
  allowedOrigins: readonly string[];
}

/**
 * Laurel in one stack: the stateful part (table, evidence bucket, user pool) and the stateless part
 * (functions and HTTP API) as separate constructs. One stack because the bucket's event notifications
 * point at a function that reads the bucket's name: across two stacks that is a dependency cycle.
 */
export class LaurelStack extends Stack {
  readonly data: DataStore;
  readonly identity: Identity;
  readonly api: LaurelHttpApi;
  readonly functions: RouteFunctions;

  constructor(scope: Construct, id: string, props: LaurelStackProps) {
    super(scope, id, props);

    this.data = new DataStore(this, 'Data', { allowedOrigins: props.allowedOrigins });
    this.identity = new Identity(this, 'Identity');
    this.api = new LaurelHttpApi(this, 'Api', {
      userPool: this.identity.userPool,
      client: this.identity.client,
      allowedOrigins: props.allowedOrigins,
    });
    this.functions = new RouteFunctions(this, 'Functions', { routes: props.routes, data: this.data, api: this.api });
    acknowledgeNotificationsHandler(this);

    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'BucketName', { value: this.data.evidenceBucket.bucketName });
  }
}

/**
 * S3 event notifications are set by a function the CDK adds to the stack (when a row has `kind: 's3'`);
 * its role is the CDK's, not ours, so its findings are acknowledged here.
 */
const acknowledgeNotificationsHandler = (stack: Stack): void => {
  const handlers = stack.node.children.filter((child: IConstruct) =>
    child.node.id.startsWith('BucketNotificationsHandler'),
  );
  for (const handler of handlers) {
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'CDK-provided handler that sets bucket notifications at deploy time; it only needs to write its own logs.',
    });
  }
};
