import {
  COOP_SECTOR_CODES,
  COOP_SECTORS,
  EXPERTISE_DOMAIN_CODES,
  EXPERTISE_DOMAINS,
  LANGUAGE_CODES,
  URGENCY_LEVELS,
  isCoopSectorCode,
  isExpertiseDomainCode,
  isLanguageCode,
  isUrgency,
} from './index.js';

describe('expertise domains', () => {
  it('has exactly the 18 codes of the design, in order, without duplicates', () => {
    expect(EXPERTISE_DOMAIN_CODES).toEqual([
      'legal',
      'hr',
      'marketing',
      'events',
      'web',
      'it',
      'accounting',
      'finance',
      'governance',
      'communications',
      'graphic-design',
      'translation',
      'training',
      'strategy',
      'real-estate',
      'funding',
      'research',
      'project-management',
    ]);
    expect(new Set(EXPERTISE_DOMAIN_CODES).size).toBe(18);
  });

  it('labels every code once, in the same order, in French and English', () => {
    expect(EXPERTISE_DOMAINS.map((domain) => domain.code)).toEqual([...EXPERTISE_DOMAIN_CODES]);
    for (const domain of EXPERTISE_DOMAINS) {
      expect(domain.labels.fr.trim()).not.toBe('');
      expect(domain.labels.en.trim()).not.toBe('');
    }
  });

  it('recognises its codes', () => {
    expect(isExpertiseDomainCode('graphic-design')).toBe(true);
    expect(isExpertiseDomainCode('plumbing')).toBe(false);
    expect(isExpertiseDomainCode(7)).toBe(false);
  });
});

describe('co-op sectors', () => {
  it('has exactly the 13 codes of the design, without duplicates', () => {
    expect(COOP_SECTOR_CODES).toEqual([
      'housing',
      'funeral',
      'school',
      'food',
      'home-care',
      'health',
      'worker',
      'agriculture',
      'financial',
      'forestry',
      'energy',
      'culture',
      'other',
    ]);
    expect(new Set(COOP_SECTOR_CODES).size).toBe(13);
  });

  it('labels every code once, in the same order, in French and English', () => {
    expect(COOP_SECTORS.map((sector) => sector.code)).toEqual([...COOP_SECTOR_CODES]);
    for (const sector of COOP_SECTORS) {
      expect(sector.labels.fr.trim()).not.toBe('');
      expect(sector.labels.en.trim()).not.toBe('');
    }
  });

  it('recognises its codes', () => {
    expect(isCoopSectorCode('home-care')).toBe(true);
    expect(isCoopSectorCode('Housing')).toBe(false);
  });
});

describe('languages and urgency', () => {
  it('lists fr and en', () => {
    expect(LANGUAGE_CODES).toEqual(['fr', 'en']);
    expect(isLanguageCode('fr')).toBe(true);
    expect(isLanguageCode('de')).toBe(false);
  });

  it('lists the four urgency levels from least to most urgent', () => {
    expect(URGENCY_LEVELS).toEqual(['low', 'normal', 'high', 'critical']);
    expect(isUrgency('critical')).toBe(true);
    expect(isUrgency('urgent')).toBe(false);
  });
});
