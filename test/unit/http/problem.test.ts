import * as errors from '../../../shared/domain/errors.js';
import { toProblem } from '../../../shared/http/problem.js';
import { expectedVersion } from '../../../shared/http/if-match.js';

describe('toProblem', () => {
  it.each([
    [new errors.NotFoundError('x'), 404],
    [new errors.ForbiddenError('x'), 403],
    [new errors.ConflictError('x'), 409],
    [new errors.PreconditionFailedError('x'), 412],
    [new errors.PreconditionRequiredError('x'), 428],
    [new errors.DeadlinePassedError('x'), 409],
    [new errors.InvalidError('x'), 422],
    [new errors.TooLargeError('x'), 413],
    [new errors.UnauthorizedError('x'), 401],
  ])('maps %p to %i with a stable type', (error, status) => {
    const problem = toProblem(error);
    expect(problem.status).toBe(status);
    expect(problem.type).toMatch(/^https:\/\/laurel\.awards\/problems\/[a-z-]+$/);
  });

  it('names the offending fields of an InvalidError', () => {
    const problem = toProblem(new errors.InvalidError('bad', [{ path: 'answers.q1', message: 'too long' }]));
    expect(problem.errors).toEqual([{ path: 'answers.q1', message: 'too long' }]);
  });

  it('answers 503 for throttling and server faults of a dependency', () => {
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    const fault = Object.assign(new Error('boom'), { $fault: 'server' });
    expect(toProblem(throttled).status).toBe(503);
    expect(toProblem(fault).status).toBe(503);
  });

  it('hides the internals of an unexpected error', () => {
    const problem = toProblem(new TypeError('secret table name in here'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret');
  });
});

describe('expectedVersion', () => {
  it('reads the version from a quoted ETag', () => {
    expect(expectedVersion({ 'if-match': '"7"' })).toBe(7);
  });
  it('requires If-Match (428) and refuses one that names no version (412)', () => {
    expect(() => expectedVersion({})).toThrow(errors.PreconditionRequiredError);
    expect(() => expectedVersion({ 'if-match': '*' })).toThrow(errors.PreconditionFailedError);
  });
});
