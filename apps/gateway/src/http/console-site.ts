import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ErrorCode } from '@coop/contracts';
import { problemType, PROBLEM_CONTENT_TYPE } from './problem-details.js';

export const CONSOLE_PATH = '/console/';

// Same origin as the API: scripts, styles and calls only from here; no framing.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the coordinator console (apps/console, built to `directory`) at /console/ and sends a
 * browser opening / there. Files with a content hash (assets/) are cached for a year; every other
 * path under /console/ is the single-page app's index.html, so its own routes can be reloaded and
 * shared. These are plain files without data: no API key (the app asks for one and sends it to
 * the API itself).
 */
export function registerConsoleSite(fastify: FastifyInstance, directory: string): void {
  const root = resolve(directory);
  fastify.get('/', (_request, reply) => reply.redirect(CONSOLE_PATH, 302));
  // In its own prefix, so that its not-found handler (the app's routes) covers /console/ only.
  void fastify.register(
    async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        prefix: '/',
        decorateReply: true,
        index: false,
        maxAge: '365d',
        immutable: true,
        setHeaders: (response) => void response.header('content-security-policy', CONTENT_SECURITY_POLICY),
      });
      scope.setNotFoundHandler((request, reply) => sendIndex(request, reply, root));
      // The directory itself (/console and /console/): the app, not a listing.
      scope.get('/', (request, reply) => sendIndex(request, reply, root));
    },
    { prefix: CONSOLE_PATH.slice(0, -1) },
  );
}

function sendIndex(request: FastifyRequest, reply: FastifyReply, root: string): FastifyReply | Promise<FastifyReply> {
  const path = request.url.split('?')[0];
  const isAppRoute = request.method === 'GET' && (path === CONSOLE_PATH.slice(0, -1) || path.startsWith(CONSOLE_PATH)) && !/\.[a-z0-9]+$/i.test(path);
  if (!isAppRoute || !existsSync(join(root, 'index.html'))) {
    const detail = isAppRoute ? `The console is not built (no ${join(root, 'index.html')}): run npm run build` : `No ${path} in the console`;
    return reply
      .code(404)
      .type(PROBLEM_CONTENT_TYPE)
      .send({ type: problemType(ErrorCode.NotFound), title: 'Not found', status: 404, detail, code: ErrorCode.NotFound, instance: path });
  }
  return reply
    .header('cache-control', 'no-cache')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .sendFile('index.html', root, { maxAge: 0, immutable: false });
}
