import { foreignToken, startLocalWorld, type LocalWorld } from '../support/local-world.js';

let world: LocalWorld;
beforeAll(async () => {
  world = await startLocalWorld();
});
afterAll(() => world.stop());

describe('the local gateway and the HTTP plumbing', () => {
  it('answers /health without a token, with security headers', async () => {
    const answer = await world.call('GET', '/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok' });
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('serves an OpenAPI 3.1 document that lists every HTTP route', async () => {
    const { routeList } = await import('../../infra/routes.js');
    const answer = await world.call('GET', '/openapi.json');
    expect(answer.body.openapi).toBe('3.1.0');
    for (const route of routeList) {
      if (route.kind === 'http') expect(answer.body.paths[route.path]?.[route.method.toLowerCase()]).toBeDefined();
    }
  });

  it('serves the API reference page from the package assets, allowing only its own scripts', async () => {
    const answer = await world.call('GET', '/docs');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(answer.text).toContain('SwaggerUIBundle');
    expect(answer.headers.get('content-security-policy')).toMatch(/script-src 'sha256-[^']+' 'sha256-[^']+'/);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const answer = await world.call('GET', '/no-such-thing');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body.status).toBe(404);
  });

  describe('refuses a protected route with 401 problem+json', () => {
    const protectedPath = '/organisations';
    it.each([
      ['no token', async () => undefined],
      ['a bad signature', async () => foreignToken()],
      ['an expired token', async () => foreignToken({ expired: true })],
      ['a wrong audience', async () => foreignToken({ audience: 'someone-else' })],
      ['a token that is no JWT', async () => 'not.a.jwt'],
    ])('when sent %s', async (_label, make) => {
      const token = await make();
      const answer = await world.call('GET', protectedPath, token ? { token } : {});
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
    });
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const token = await world.token('organiser');
    const answer = await world.call('POST', '/organisations', {
      token,
      rawBody: '{"code": "01F",',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body.detail).toMatch(/not valid JSON/);
  });
});
