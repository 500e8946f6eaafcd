import { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import type { Route } from '../route-types.js';
import { grantDataAccess } from './data-access.js';
import type { DataStore } from './data-store.js';
import type { LaurelHttpApi } from './http-api.js';
import { ServiceFunction } from './service-function.js';

/** Rows whose function serves the swagger-ui page and so needs its static files next to the bundle. */
export const rowsWithDocsAssets: readonly string[] = ['docs'];

export interface RouteFunctionsProps {
  routes: readonly Route[];
  data: DataStore;
  api: LaurelHttpApi;
}

/**
 * The stateless part, built from the route table: one function per row with the grants the row
 * declares, wired to its API route or to the evidence bucket's object-created events.
 */
export class RouteFunctions extends Construct {
  /** Each row's function, by row id. */
  readonly byId: ReadonlyMap<string, ServiceFunction>;

  constructor(scope: Construct, id: string, props: RouteFunctionsProps) {
    super(scope, id);
    const { data, api } = props;
    const byId = new Map<string, ServiceFunction>();

    for (const row of props.routes) {
      const target = new ServiceFunction(this, row.id, {
        handler: row.handler,
        description: row.summary,
        environment: { TABLE_NAME: data.table.tableName, BUCKET_NAME: data.evidenceBucket.bucketName },
        docsAssets: rowsWithDocsAssets.includes(row.id),
      });
      grantDataAccess(target, row.access, data);

      if (row.kind === 'http') {
        api.addRoute(row, target.fn);
      } else {
        data.evidenceBucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(target.fn), {
          prefix: row.prefix,
        });
      }
      byId.set(row.id, target);
    }
    this.byId = byId;
  }
}
