import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { DataAccess } from '../route-types.js';
import { evidencePrefix, type DataStore } from './data-store.js';
import type { ServiceFunction } from './service-function.js';

/**
 * DynamoDB actions per table access. Narrower than `grantReadData`: no Scan (never on a request path),
 * no streams, no transactions (the design needs none, see architecture.md, Data).
 */
export const tableActions = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  write: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
} as const;

/** The one S3 action each bucket access of the route table allows, on evidence objects only. */
export const bucketActions = { put: 's3:PutObject', get: 's3:GetObject', delete: 's3:DeleteObject' } as const;

/**
 * Grants a function exactly the data access its route row declares: table read (no writes) or read-write
 * on the table and its indexes, and each declared bucket action on `entries/*` objects only.
 * A row that declares nothing gets nothing.
 */
export const grantDataAccess = (target: ServiceFunction, access: DataAccess, data: DataStore): void => {
  const stack = Stack.of(target);

  if (access.table) {
    const { tableArn } = data.table;
    target.fn.addToRolePolicy(
      new PolicyStatement({ actions: [...tableActions[access.table]], resources: [tableArn, `${tableArn}/index/*`] }),
    );
    const tableId = stack.getLogicalId(data.table.node.defaultChild as CfnTable);
    Validations.of(target).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
      reason: "Queries on the table's own secondary indexes (gsi1, gsi2); no other table is reachable.",
    });
  }

  const bucketAccess = access.bucket ?? [];
  if (bucketAccess.length > 0) {
    target.fn.addToRolePolicy(
      new PolicyStatement({
        actions: bucketAccess.map((kind) => bucketActions[kind]),
        resources: [data.evidenceBucket.arnForObjects(`${evidencePrefix}*`)],
      }),
    );
    const bucketId = stack.getLogicalId(data.evidenceBucket.node.defaultChild as CfnBucket);
    Validations.of(target).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${evidencePrefix}*]`,
      reason: 'Evidence object keys are per entry and per upload; access is scoped to the entries/ prefix.',
    });
  }
};
