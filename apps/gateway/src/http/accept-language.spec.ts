import 'reflect-metadata';
import { preferredLanguage } from './accept-language.js';

describe(preferredLanguage.name, () => {
  it.each([
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,fr;q=0.5,en;q=0.7', 'en'],
    ['en;q=0,fr', 'fr'],
    ['de', 'en'],
    [undefined, 'en'],
  ])('reads %s as %s', (header, expected) => expect(preferredLanguage(header)).toBe(expected));
});
