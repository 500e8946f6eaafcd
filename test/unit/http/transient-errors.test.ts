import {
  ConditionalCheckFailedException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  ReplicatedWriteConflictException,
  ResourceNotFoundException,
  ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { isTransientDependencyError, toProblem } from '../../../shared/http/problem.js';

const $metadata = (httpStatusCode?: number) => ({ ...(httpStatusCode ? { httpStatusCode } : {}), attempts: 3 });
const socketError = (code: string, name = 'Error') => Object.assign(new Error(`${code} 10.0.0.1:443`), { code, name });

/** Shapes the SDK really throws (checked against a fake endpoint: see test/integration/faults.test.ts). */
describe('isTransientDependencyError', () => {
  it.each([
    [
      'DynamoDB ThrottlingException (HTTP 400)',
      new ThrottlingException({ message: 'Rate exceeded', $metadata: $metadata(400) }),
    ],
    [
      'ProvisionedThroughputExceededException',
      new ProvisionedThroughputExceededException({ message: 'x', $metadata: $metadata(400) }),
    ],
    ['InternalServerError', new InternalServerError({ message: 'x', $metadata: $metadata(500) })],
    [
      'a fault the SDK marks retryable',
      new ReplicatedWriteConflictException({ message: 'x', $metadata: $metadata(400) }),
    ],
    [
      'an S3 HEAD answered 503 (no body, so no name)',
      new S3ServiceException({ name: 'Unknown', $fault: 'server', message: 'UnknownError', $metadata: $metadata(503) }),
    ],
    [
      'S3 SlowDown',
      new S3ServiceException({ name: 'SlowDown', $fault: 'server', message: 'x', $metadata: $metadata(503) }),
    ],
    [
      'a proxy page the SDK cannot parse (502)',
      Object.assign(new SyntaxError('Unexpected token <'), { $metadata: $metadata(502) }),
    ],
    ['HTTP 429 under any name', Object.assign(new Error('x'), { name: 'Unknown', $metadata: $metadata(429) })],
    ['RequestTimeoutException', Object.assign(new Error('x'), { name: 'RequestTimeoutException' })],
    ['TooManyRequestsException', Object.assign(new Error('x'), { name: 'TooManyRequestsException' })],
    ['a request timeout of the HTTP handler', socketError('ETIMEDOUT', 'TimeoutError')],
    ['a socket hang up', socketError('ECONNRESET', 'TimeoutError')],
    ['a refused connection', socketError('ECONNREFUSED')],
    ['an aborted connection', socketError('ECONNABORTED')],
    ['an unreachable host', socketError('EHOSTUNREACH')],
    ['a DNS lookup to try again', socketError('EAI_AGAIN')],
    [
      'a failed dual-stack connect (AggregateError)',
      new AggregateError([socketError('ECONNREFUSED')], 'connect failed'),
    ],
    ['a transient error as the cause of another', new Error('store failed', { cause: socketError('ECONNRESET') })],
  ])('treats %s as transient (503)', (_name, error) => {
    expect(isTransientDependencyError(error)).toBe(true);
    expect(toProblem(error).status).toBe(503);
  });

  it.each([
    ['a failed condition', new ConditionalCheckFailedException({ message: 'x', $metadata: $metadata(400) })],
    ['a missing table', new ResourceNotFoundException({ message: 'x', $metadata: $metadata(400) })],
    [
      'a ValidationException',
      Object.assign(new Error('The provided key element does not match the schema'), {
        name: 'ValidationException',
        $fault: 'client',
        $metadata: $metadata(400),
      }),
    ],
    [
      'access denied',
      new S3ServiceException({ name: 'AccessDenied', $fault: 'client', message: 'x', $metadata: $metadata(403) }),
    ],
    ['a programming error', new TypeError('x is undefined')],
    ['a thrown string', 'ECONNRESET'],
    [
      'an error whose cause chain loops',
      (() => {
        const e = new Error('a');
        (e as { cause?: unknown }).cause = e;
        return e;
      })(),
    ],
  ])('treats %s as our own failure (500)', (_name, error) => {
    expect(isTransientDependencyError(error)).toBe(false);
    expect(toProblem(error).status).toBe(500);
  });
});
