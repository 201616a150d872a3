// A real HTTP endpoint on 127.0.0.1 (port 0) that records what it receives. It can answer an
// error status, or be shut down (connection refused) and brought back on the same port.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url(path?: string): string;
  received: Received[];
  /** The status answered from now on (200 unless changed); 0 never answers (a hung receiver). */
  answer(status: number): void;
  /** Stops listening: attempts now fail with a refused connection. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let status = 200;
  let server: Server | null = null;
  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({
            path: req.url ?? '',
            headers: req.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
          if (status !== 0) res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
        });
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve(s));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (server === null) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = null;
    });
  server = await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    answer: (s) => {
      status = s;
    },
    down: stop,
    up: async () => {
      server ??= await listen(port);
    },
    close: stop,
  };
}
