/* eslint-disable no-console -- a command-line script: printing is its job */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { cacheControlFor } from '../../scripts/cachePolicy';

/**
 * A tiny static file server for the built task pane: `tsx staticServer.ts <dir> [port]`; prints the URL. It sends the
 * Cache-Control headers the release asks web hosts for (scripts/cachePolicy.ts).
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 0);

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  const file = normalize(join(root, path === '/' ? 'taskpane.html' : path));
  if (!file.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    response
      .writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': cacheControlFor(basename(file)),
      })
      .end(body);
  } catch {
    response.writeHead(404).end('Not found');
  }
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Vorschau / preview: http://127.0.0.1:${actual}/taskpane.html`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
