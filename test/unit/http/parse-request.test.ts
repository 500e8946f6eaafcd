import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { parseRequest } from '../../../shared/http/parse-request.js';
import { toProblem } from '../../../shared/http/problem.js';

const event = (body: string): APIGatewayProxyEventV2 =>
  ({
    body,
    isBase64Encoded: false,
    headers: { 'content-type': 'application/json' },
  }) as unknown as APIGatewayProxyEventV2;

const refusalOf = (schema: z.ZodType, body: string) => {
  try {
    parseRequest({ body: schema }, event(body), 256 * 1024);
  } catch (error) {
    return toProblem(error);
  }
  throw new Error('accepted');
};

describe('parseRequest', () => {
  it('answers a body with thousands of bad fields with a short refusal, not an echo of the body', () => {
    // Prepare: ~220 KB of record entries of the wrong type, and an unknown key as long as a key can be.
    const entries = Array.from({ length: 20_000 }, (_, i) => `"k${i}":0`).join(',');
    const schema = z.strictObject({ answers: z.record(z.string(), z.string()) });

    // Act
    const problem = refusalOf(schema, `{"answers":{${entries}},"${'x'.repeat(30_000)}":1}`);

    // Assess
    expect(problem.status).toBe(400);
    expect(problem.errors).toHaveLength(20);
    expect(JSON.stringify(problem).length).toBeLessThan(10_000);
  });

  it('still names the offending field of an ordinary mistake', () => {
    const problem = refusalOf(z.strictObject({ title: z.string() }), '{"title":7}');
    expect(problem.errors).toEqual([
      { path: 'body.title', message: 'Invalid input: expected string, received number' },
    ]);
  });
});
