import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stub received. */
export interface StubRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A reply the stub sends: status and JSON body. */
export interface StubReply {
  status: number;
  json: unknown;
}

/** A local HTTP stub on 127.0.0.1 (port 0) standing in for a provider API in tests. */
export interface StubServer {
  port: number;
  baseUrl: string;
  requests: StubRequest[];
  /** Replaces the handler deciding each reply. */
  handle(fn: (req: StubRequest) => StubReply): void;
  close(): Promise<void>;
}

/** Starts a stub HTTP server on 127.0.0.1 with an ephemeral port. */
export async function startStubServer(initial: (req: StubRequest) => StubReply): Promise<StubServer> {
  let handler = initial;
  const requests: StubRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: StubRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      let reply: StubReply;
      try {
        reply = handler(request);
      } catch (err) {
        reply = { status: 500, json: { error: String(err) } };
      }
      res.writeHead(reply.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(reply.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    handle(fn) {
      handler = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
