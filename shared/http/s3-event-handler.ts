import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, S3Event, S3EventRecord } from 'aws-lambda';
import type { S3EventRoute } from '../../infra/route-types.js';
import { config } from '../config.js';
import { logger } from './logger.js';

/**
 * The one wrapper S3-event functions use: JSON logs with the route and object key, and only the
 * records the row asks for (objects created in the configured bucket under the row's prefix; the
 * local server also reports removals). Every record is tried; if any failed, the invocation fails
 * after the others, so S3's asynchronous invocation retries it: handlers must be idempotent.
 */
export function s3EventHandler(route: S3EventRoute, handle: (record: S3EventRecord) => Promise<void>) {
  const base = async (event: S3Event): Promise<void> => {
    logger.appendKeys({ route: route.id });
    const failures: unknown[] = [];
    for (const record of event.Records ?? []) {
      const key = record.s3?.object?.key ?? '';
      const wanted =
        record.eventName?.startsWith('ObjectCreated:') &&
        record.s3?.bucket?.name === config().BUCKET_NAME &&
        key.startsWith(route.prefix);
      if (!wanted) continue;
      try {
        await handle(record);
      } catch (error) {
        logger.error('S3 record failed', { key, eventName: record.eventName, error: error as Error });
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} S3 record(s) failed`);
  };

  return middy<S3Event, void, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(base);
}
