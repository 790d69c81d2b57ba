import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { isLanguageCode, type LanguageCode } from '@coop/contracts';

/** The caller's preferred language among ours (fr, en) from Accept-Language, by q-value; else `fallback`. */
export function preferredLanguage(header: string | undefined, fallback: LanguageCode = 'en'): LanguageCode {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && isLanguageCode(entry.language))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.language as LanguageCode | undefined) ?? fallback;
}

/** The caller's language (fr or en) for explanations and messages, from Accept-Language. */
export const CallerLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): LanguageCode =>
  preferredLanguage(context.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);
