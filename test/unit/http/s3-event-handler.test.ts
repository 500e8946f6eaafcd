import type { Context, S3Event, S3EventRecord } from 'aws-lambda';
import type { S3EventRoute } from '../../../infra/route-types.js';
import { logger } from '../../../shared/http/logger.js';
import { s3EventHandler } from '../../../shared/http/s3-event-handler.js';

const BUCKET = 'evidence-bucket';
const route: S3EventRoute = {
  kind: 's3',
  id: 'onThing',
  handler: 'functions/x.ts',
  prefix: 'entries/',
  access: {},
  summary: 'test',
};

const context = { functionName: 'onThing', awsRequestId: 'r1' } as Context;

function record(key: string, eventName = 'ObjectCreated:Post', bucket = BUCKET): S3EventRecord {
  return { eventName, s3: { bucket: { name: bucket }, object: { key, size: 1 } } } as unknown as S3EventRecord;
}

beforeAll(() => {
  process.env.TABLE_NAME ??= 'table';
  process.env.BUCKET_NAME ??= BUCKET;
  logger.setLogLevel('SILENT');
});

describe('s3EventHandler', () => {
  it('hands on only objects created in the bucket under the prefix', async () => {
    // Prepare
    const seen: string[] = [];
    const handler = s3EventHandler(route, async (r) => void seen.push(r.s3.object.key));
    const event: S3Event = {
      Records: [
        record('entries/a'),
        record('entries/b', 'ObjectRemoved:Delete'),
        record('other/c'),
        record('entries/d', 'ObjectCreated:Put', 'another-bucket'),
        record('entries/e', 'ObjectCreated:Put'),
      ],
    };

    // Act
    await handler(event, context);

    // Assess
    expect(seen).toEqual(['entries/a', 'entries/e']);
  });

  it('tries every record, then fails the invocation so it is retried', async () => {
    // Prepare
    const seen: string[] = [];
    const handler = s3EventHandler(route, async (r) => {
      seen.push(r.s3.object.key);
      if (r.s3.object.key === 'entries/a') throw new Error('storage busy');
    });

    // Act
    const run = handler({ Records: [record('entries/a'), record('entries/b')] }, context);

    // Assess
    await expect(run).rejects.toThrow(/1 S3 record\(s\) failed/);
    expect(seen).toEqual(['entries/a', 'entries/b']);
  });
});
