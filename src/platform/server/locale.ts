/** The language of a request's messages (model diagnostics): `Accept-Language`, French or English. */
import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../i18n/index.js';

/** First of `fr`/`en` in the header's order of preference (q-values honoured); default English. */
export function localeOf(request: Pick<FastifyRequest, 'headers'>): Locale {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string' || header.length > 512) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{1,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return {
        lang: tag.trim().toLowerCase().slice(0, 2),
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    if (entry.lang === 'fr' || entry.lang === 'en') return entry.lang;
  }
  return 'en';
}
