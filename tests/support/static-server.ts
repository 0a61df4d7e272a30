/**
 * A static file server for a built site, as a static host (GitHub Pages behind Fastly) serves
 * it: the site under its base path, `index.html` for directories, the site's 404 page, gzip when
 * the client accepts it, compressed once per file and kept (not again on every request), and the
 * host's cache headers (`Cache-Control: max-age=600`, ETag, Last-Modified, 304 on revalidation).
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.txt', '.svg']);

/** How long a browser may reuse a response without asking again, as GitHub Pages sets it. */
const MAX_AGE_SECONDS = 600;

/** A running server: `url` ends with the base path (`http://127.0.0.1:PORT/digest/`). */
export interface StaticServer {
  url: string;
  origin: string;
  /** Every request path served, in order: lets a test see what a page fetched. */
  requests: string[];
  close(): Promise<void>;
}

/** A file's bodies as served, kept while its size and modification time stay the same. */
interface CachedFile {
  stamp: string;
  raw: Buffer;
  gzip?: Buffer;
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** Whether the client's validators show it holds the current version of the file. */
function isFresh(req: IncomingMessage, etag: string, modified: Date): boolean {
  const match = req.headers['if-none-match'];
  if (match !== undefined) return match.split(',').some((tag) => tag.trim() === etag);
  const since = Date.parse(String(req.headers['if-modified-since'] ?? ''));
  return !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since;
}

/** Serves `dir` under `base` (default `/`) on a free loopback port. */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const requests: string[] = [];
  const cache = new Map<string, CachedFile>();
  const bodies = (file: string, stats: Stats, gzip: boolean): { stamp: string; body: Buffer } => {
    const stamp = `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}`;
    let cached = cache.get(file);
    if (cached?.stamp !== stamp) {
      cached = { stamp, raw: readFileSync(file) };
      cache.set(file, cached);
    }
    if (gzip) cached.gzip ??= gzipSync(cached.raw);
    return { stamp, body: gzip ? cached.gzip! : cached.raw };
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const send404 = () => {
      const page = join(dir, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      res.end(statOf(page)?.isFile() ? readFileSync(page) : 'not found');
    };
    if (!path.startsWith(base)) return send404();
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(normalize(dir))) return send404();
    let stats = statOf(file);
    if (stats?.isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/` });
        return res.end();
      }
      file = join(file, 'index.html');
      stats = statOf(file);
    }
    if (!stats?.isFile()) return send404();
    const ext = extname(file);
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const { stamp, body } = bodies(file, stats, gzip);
    const etag = `"${stamp}${gzip ? '-gzip' : ''}"`;
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': `max-age=${MAX_AGE_SECONDS}`,
      etag,
      'last-modified': stats.mtime.toUTCString(),
      vary: 'Accept-Encoding',
    };
    if (isFresh(req, etag, stats.mtime)) {
      res.writeHead(304, headers);
      return res.end();
    }
    if (gzip) headers['content-encoding'] = 'gzip';
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
