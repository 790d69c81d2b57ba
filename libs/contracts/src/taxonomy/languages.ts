/** Languages the consortium works in: French and English. */
export const LANGUAGE_CODES = ['fr', 'en'] as const;

export type LanguageCode = (typeof LANGUAGE_CODES)[number];

const LANGUAGE_CODE_SET: ReadonlySet<string> = new Set(LANGUAGE_CODES);

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && LANGUAGE_CODE_SET.has(value);
}
