import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query, already safe to send (see safeTarget). */
  target: string;
  headers: Record<string, string>;
  body?: Buffer | undefined;
}

export interface RawAnswer {
  status: number;
  contentType: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * An HTTP client that sends exactly what it is given (a body on a GET, no Content-Type, bytes that
 * are not UTF-8), which `fetch` will not, over keep-alive connections.
 */
export function rawClient(baseUrl: string, connections: number) {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });

  function send(req: RawRequest, retried = false): Promise<RawAnswer> {
    return new Promise<RawAnswer>((resolve, reject) => {
      const headers: Record<string, string> = { ...req.headers };
      if (req.body) headers['content-length'] = String(req.body.length);
      const outgoing = request(
        { host: url.hostname, port: url.port, method: req.method, path: req.target, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed meanwhile: Node's documented case for one retry.
        if (!retried && outgoing.reusedSocket && error.code === 'ECONNRESET') resolve(send(req, true));
        else reject(error);
      });
      outgoing.end(req.body);
    });
  }

  /** Sends every request, `connections` at a time, handing each answer to `check`. */
  async function sendAll<T extends RawRequest>(
    requests: Iterable<T>,
    check: (req: T, answer: RawAnswer) => void,
  ): Promise<void> {
    const iterator = requests[Symbol.iterator]();
    const worker = async () => {
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        check(next.value, await send(next.value));
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
  }

  return { send, sendAll, close: () => agent.destroy() };
}
