/**
 * Gzip for the prebuilt JSON answers of the analysis routes (findings lists run to tens of KB):
 * each distinct body is compressed once and kept, so a cached answer costs no compression work.
 * Only for clients that accept gzip, only above 1 KB.
 */
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const MIN_BYTES = 1024;
const MAX_KEPT = 256;
/** Bodies are the service's cached string instances: the Map hashes each one once. */
const kept = new Map<string, Buffer>();

function acceptsGzip(request: Pick<FastifyRequest, 'headers'>): boolean {
  const header = request.headers['accept-encoding'];
  return typeof header === 'string' && /(^|[\s,])gzip(?!;\s*q=0(\.0+)?(\s|,|$))/i.test(header);
}

export function gzipOf(json: string): Buffer {
  const known = kept.get(json);
  if (known !== undefined) return known;
  const zipped = gzipSync(json, { level: 6 });
  if (kept.size >= MAX_KEPT) {
    const oldest = kept.keys().next().value;
    if (oldest !== undefined) kept.delete(oldest);
  }
  kept.set(json, zipped);
  return zipped;
}

/** The body to send: the JSON text, or its gzip with the headers set when the client takes it. */
export function jsonBody(
  request: Pick<FastifyRequest, 'headers'>,
  reply: Pick<FastifyReply, 'header' | 'type'>,
  json: string,
): string | Buffer {
  reply.type('application/json; charset=utf-8');
  reply.header('vary', 'accept-encoding');
  if (json.length < MIN_BYTES || !acceptsGzip(request)) return json;
  reply.header('content-encoding', 'gzip');
  return gzipOf(json);
}

/** The body to send for an answer prepared with its gzip (by the analysis thread). */
export function preparedJsonBody(
  request: Pick<FastifyRequest, 'headers'>,
  reply: Pick<FastifyReply, 'header' | 'type'>,
  prepared: { readonly json: Buffer; readonly gzip: Buffer | null },
): Buffer {
  reply.type('application/json; charset=utf-8');
  reply.header('vary', 'accept-encoding');
  if (prepared.gzip === null || !acceptsGzip(request)) return prepared.json;
  reply.header('content-encoding', 'gzip');
  return prepared.gzip;
}
