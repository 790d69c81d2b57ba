import { parseDay, toCents } from '@coop/contracts';
import { ProfessionalCalendar } from '../calendar/professional-calendar.js';
import { ProfessionalEntity } from '../professional/professional.entity.js';
import { toSearchDocument } from './search-document.js';

const W49 = parseDay('2026-11-30');

const professional = Object.assign(new ProfessionalEntity(), {
  id: '3f1c2b9a-5d4e-4f6a-8b7c-1d2e3f4a5b6c',
  fullName: 'Nathalie Roy',
  email: 'nathalie.roy@consortium-coop.example',
  domains: [
    { code: 'hr', level: 5, years: 20 },
    { code: 'graphic-design', level: 2, years: 1 },
  ],
  skills: ['relations de travail'],
  bio: 'Conseillère en ressources humaines agréée.',
  languages: ['fr', 'en'],
  region: 'montreal',
  coopYears: 14,
  coopSectors: ['home-care', 'health'],
  coopMandates: 38,
  weeklyCapacityHours: 35,
  costRate: 110,
  active: true,
});

describe(toSearchDocument.name, () => {
  it('holds what matching filters on and the profile’s keywords, with 26 weeks of free hours named by ISO week', () => {
    const calendar = new ProfessionalCalendar({
      professionalId: professional.id,
      weeklyCapacityHours: 35,
      active: true,
      timeOff: [],
      ledger: new Map([[W49, { capacity: toCents(35), booked: toCents(20.5) }]]),
      bookings: [],
    });

    const sut = toSearchDocument(professional, calendar, W49);

    expect(sut).toMatchObject({
      id: professional.id,
      domains: ['hr', 'graphic-design'],
      domainLevels: { hr: 5, 'graphic-design': 2 },
      languages: ['fr', 'en'],
      coopSectors: ['home-care', 'health'],
      coopYears: 14,
      active: true,
      horizonStart: '2026-11-30',
      // Skills' and domain labels' keywords first (9, counting in full), then the bio's.
      keywords: ['relation', 'travail', 'ressource', 'humaine', 'human', 'resource', 'design', 'graphique', 'graphic', 'conseillere', 'agreee'],
      skillKeywordCount: 9,
    });
    // The profile's texts are not kept: nothing reads them from the index.
    expect(sut).not.toHaveProperty('skills');
    expect(sut).not.toHaveProperty('bio');
    expect(sut).not.toHaveProperty('domainLabels');
    expect(Object.keys(sut.freeHours)).toHaveLength(26);
    expect(sut.freeHours.w2026_49).toBe(14.5);
    expect(sut.freeHours.w2026_50).toBe(35);
    expect(sut.freeHours.w2026_53).toBe(35); // 2026 has 53 ISO weeks
    expect(sut.freeHours.w2027_21).toBe(35); // the 26th week
    expect(sut.freeHours.w2027_22).toBeUndefined();
    expect(sut.freeHoursTotal).toBe(14.5 + 25 * 35);
  });
});
