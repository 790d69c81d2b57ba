/** Dates, numbers and money in the chosen language's Canadian locale (the consortium is in Québec). */
export type Language = 'fr' | 'en';

export function localeOf(language: string): string {
  return language === 'fr' ? 'fr-CA' : 'en-CA';
}

export interface Formatters {
  /** A calendar day, `YYYY-MM-DD`, as it reads (never shifted by the browser's time zone). */
  date(day: string): string;
  /** Day and month only (column headers). */
  shortDate(day: string): string;
  dateTime(iso: string): string;
  number(value: number, maximumFractionDigits?: number): string;
  hours(value: number): string;
  money(value: number, currency?: string): string;
  percent(fraction: number): string;
  month(yearMonth: string): string;
}

export function formatters(language: string): Formatters {
  const locale = localeOf(language);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const numbers = new Map<number, Intl.NumberFormat>();
  const number = (value: number, maximumFractionDigits = 2): string => {
    if (!numbers.has(maximumFractionDigits)) numbers.set(maximumFractionDigits, new Intl.NumberFormat(locale, { maximumFractionDigits }));
    return numbers.get(maximumFractionDigits)!.format(value);
  };
  return {
    date: (value) => day.format(new Date(`${value}T00:00:00Z`)),
    shortDate: (value) => shortDay.format(new Date(`${value}T00:00:00Z`)),
    dateTime: (value) => moment.format(new Date(value)),
    number,
    hours: (value) => `${number(value)} h`,
    money: (value, currency = 'CAD') => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value),
    percent: (fraction) => percent.format(fraction),
    month: (value) => monthFormat.format(new Date(`${value}-01T00:00:00Z`)),
  };
}

/** The browser's preferred language if it is one the console speaks, else English. */
export function browserLanguage(languages: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}
