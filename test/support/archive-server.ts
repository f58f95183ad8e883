/**
 * A loopback HTTP server standing in for GitHub's archive links in ingest tests: serves given bodies,
 * with or without Content-Length (codeload streams chunked), a redirect, a 404, and a body cut off
 * halfway (the connection dropped mid-download).
 */
import { createServer, type Server } from 'node:http';

export type Route =
  | { kind: 'file'; body: Buffer; contentType?: string; chunked?: boolean }
  | { kind: 'redirect'; to: string }
  | { kind: 'truncated'; body: Buffer }
  | { kind: 'status'; status: number };

export interface ArchiveServer {
  url(path: string): string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startArchiveServer(routes: Record<string, Route>): Promise<ArchiveServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    if (route.kind === 'status') {
      res.writeHead(route.status, { 'content-type': 'text/plain' }).end(`status ${route.status}`);
      return;
    }
    if (route.kind === 'redirect') {
      res.writeHead(302, { location: route.to }).end();
      return;
    }
    if (route.kind === 'truncated') {
      // Promise the whole body, send half, then drop the connection.
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(route.body.length) });
      res.write(route.body.subarray(0, Math.floor(route.body.length / 2)), () => res.socket?.destroy());
      return;
    }
    const headers: Record<string, string> = { 'content-type': route.contentType ?? 'application/octet-stream' };
    if (!route.chunked) headers['content-length'] = String(route.body.length);
    res.writeHead(200, headers);
    // In pieces, as a download arrives.
    for (let at = 0; at < route.body.length; at += 4096) res.write(route.body.subarray(at, at + 4096));
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
