import { describe, expect, it } from '@jest/globals';
import { EMPTY_PROFILE, profileBody, profileValues, type Professional } from './profile-form';

const professional: Professional = {
  id: 'p1',
  fullName: 'Geneviève Tremblay',
  email: 'genevieve@example.org',
  domains: [{ code: 'legal', level: 5, years: 18 }],
  skills: ['Loi sur les coopératives', 'règlements'],
  bio: 'Avocate',
  languages: ['fr', 'en'],
  region: 'montreal',
  coopExperience: { years: 16, sectors: ['housing'], mandates: 42 },
  weeklyCapacityHours: 35,
  costRate: 135,
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe(profileBody.name, () => {
  it('gives back the profile it was filled from', () => {
    const sut = profileBody(profileValues(professional));

    expect(sut).toEqual({
      fullName: 'Geneviève Tremblay',
      email: 'genevieve@example.org',
      domains: [{ code: 'legal', level: 5, years: 18 }],
      skills: ['Loi sur les coopératives', 'règlements'],
      bio: 'Avocate',
      languages: ['fr', 'en'],
      region: 'montreal',
      coopExperience: { years: 16, sectors: ['housing'], mandates: 42 },
      weeklyCapacityHours: 35,
      costRate: 135,
      active: true,
    });
  });

  it('drops an untouched domain row and leaves missing fields for the API to name', () => {
    const sut = profileBody(EMPTY_PROFILE);

    expect(sut.domains).toEqual([]);
    expect(sut).not.toHaveProperty('fullName');
    expect(sut).not.toHaveProperty('costRate');
  });
});
