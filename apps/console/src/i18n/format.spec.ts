import { describe, expect, it } from '@jest/globals';
import { browserLanguage, formatters } from './format';

// Intl puts narrow no-break spaces in French numbers: compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe(formatters.name, () => {
  it('writes money, hours and dates in Canadian French', () => {
    const sut = formatters('fr');

    expect(plain(sut.money(1234.5))).toBe('1 234,50 $');
    expect(plain(sut.hours(12.5))).toBe('12,5 h');
    expect(sut.date('2026-12-01')).toBe('1 déc. 2026');
  });

  it('writes money, hours and dates in Canadian English', () => {
    const sut = formatters('en');

    expect(sut.money(1234.5)).toBe('$1,234.50');
    expect(sut.hours(12.5)).toBe('12.5 h');
    expect(sut.date('2026-12-01')).toBe('Dec 1, 2026');
  });

  it('never moves a calendar day, whatever the time zone', () => {
    expect(formatters('en').date('2027-01-01')).toBe('Jan 1, 2027');
  });
});

describe(browserLanguage.name, () => {
  it('takes the first language the console speaks, else English', () => {
    expect(browserLanguage(['de-DE', 'fr-CA', 'en-US'])).toBe('fr');
    expect(browserLanguage(['en-GB'])).toBe('en');
    expect(browserLanguage(['es-ES'])).toBe('en');
  });
});
