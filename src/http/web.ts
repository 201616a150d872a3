// Serves the web app (web/dist, built by `npm run build:web`) from the API's own origin, so the
// session cookie and CSRF checks apply unchanged. Unknown page paths get index.html (the app routes
// in the browser); /api keeps its problem+json 404s; a missing build says how to make one.
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Vite puts content-hashed files under /assets: they never change, so browsers may keep them a year. */
const HASHED = /^\/assets\//;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export interface WebOptions {
  distDir?: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file under `root` this URL path names, or null (never anything outside `root`). */
async function fileFor(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // No dot-dot segments at all (encoded or not), rather than trusting normalisation to contain them.
  if (decoded.includes('\0') || decoded.endsWith('/') || decoded.split(/[/\\]/).includes('..'))
    return null;
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  if (rel.startsWith('..') || rel.split(sep).includes('..')) return null;
  return (await isFile(join(root, rel))) ? rel : null;
}

const wantsHtml = (req: FastifyRequest): boolean =>
  (req.headers.accept ?? '').includes('text/html');

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply
    .status(503)
    .header('cache-control', 'no-store')
    .type('text/plain; charset=utf-8')
    .send(
      'The Circles web app is not built yet. Run `npm run build:web` (or `npm start`, which builds it), then reload.\n',
    );
}

export async function registerWeb(app: FastifyInstance, opts: WebOptions = {}): Promise<void> {
  const root = opts.distDir ?? DEFAULT_WEB_DIST;
  // Only reply.sendFile is used: the route below decides between a file, the app shell and a 404.
  // Pre-compressed .gz siblings written by the build are sent to browsers that accept gzip.
  await app.register(fastifyStatic, {
    root,
    serve: false,
    preCompressed: true,
    suppressWarning: true,
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    schema: { hide: true },
    handler: async (req, reply) => {
      const path = req.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
      const file = path === '/' ? null : await fileFor(root, path);
      if (file !== null) {
        void reply.header('cache-control', HASHED.test(path) ? IMMUTABLE : REVALIDATE);
        return reply.sendFile(file, root, { cacheControl: false });
      }
      if (path !== '/' && !wantsHtml(req)) return reply.callNotFound();
      if (!(await isFile(join(root, 'index.html')))) return notBuilt(reply);
      void reply.header('cache-control', REVALIDATE);
      return reply.sendFile('index.html', root, { cacheControl: false });
    },
  });
}
