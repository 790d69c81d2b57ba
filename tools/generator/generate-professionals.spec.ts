import {
  COOP_SECTOR_CODES,
  EXPERTISE_DOMAIN_CODES,
  LANGUAGE_CODES,
  URGENCY_LEVELS,
} from '../../libs/contracts/src/taxonomy/index.js';
import { DEMO_MEMBERS } from '../demo/demo-members.js';
import { DEMO_PROFESSIONALS, type DemoProfessional } from '../demo/demo-professionals.js';
import { DEMO_REQUESTS } from '../demo/demo-requests.js';
import {
  generateProfessional,
  generateProfessionals,
  generateProfessionalsBatch,
} from './generate-professionals.js';
import { mulberry32, SeededRandom } from './random.js';
import { SKILL_KEYWORDS } from './skill-keywords.js';

const domainCodes = new Set<string>(EXPERTISE_DOMAIN_CODES);
const sectorCodes = new Set<string>(COOP_SECTOR_CODES);
const languageCodes = new Set<string>(LANGUAGE_CODES);

/** Every field-level rule a professional must satisfy; returns the problems found. */
function problemsOf(professional: DemoProfessional): string[] {
  const problems: string[] = [];
  const where = professional.email;
  if (professional.fullName.trim() === '') problems.push(`${where}: empty name`);
  if (!/^[^@\s]+@[^@\s]+\.example$/.test(professional.email)) problems.push(`${where}: bad email`);
  if (professional.domains.length < 1 || professional.domains.length > 3) {
    problems.push(`${where}: ${professional.domains.length} domains`);
  }
  const codes = professional.domains.map((domain) => domain.code);
  if (new Set(codes).size !== codes.length) problems.push(`${where}: duplicate domain`);
  for (const domain of professional.domains) {
    if (!domainCodes.has(domain.code)) problems.push(`${where}: unknown domain ${domain.code}`);
    if (!Number.isInteger(domain.level) || domain.level < 1 || domain.level > 5) {
      problems.push(`${where}: level ${domain.level}`);
    }
    if (!Number.isInteger(domain.years) || domain.years < 0) problems.push(`${where}: years ${domain.years}`);
  }
  if (professional.skills.length === 0) problems.push(`${where}: no skills`);
  if (professional.bio.trim() === '') problems.push(`${where}: empty bio`);
  if (professional.languages.length === 0) problems.push(`${where}: no language`);
  for (const language of professional.languages) {
    if (!languageCodes.has(language)) problems.push(`${where}: unknown language ${language}`);
  }
  if (professional.region.trim() === '') problems.push(`${where}: no region`);
  const coop = professional.coopExperience;
  if (coop.years < 0 || coop.years > 40 || coop.mandates < 0) problems.push(`${where}: coop experience`);
  if (coop.sectors.length > 4) problems.push(`${where}: ${coop.sectors.length} sectors`);
  for (const sector of coop.sectors) {
    if (!sectorCodes.has(sector)) problems.push(`${where}: unknown sector ${sector}`);
  }
  if (!(professional.weeklyCapacityHours > 0) || professional.weeklyCapacityHours > 40) {
    problems.push(`${where}: capacity ${professional.weeklyCapacityHours}`);
  }
  if (professional.costRate < 55 || professional.costRate > 140) {
    problems.push(`${where}: cost rate ${professional.costRate}`);
  }
  return problems;
}

function domainCoverage(professionals: readonly DemoProfessional[]): Map<string, number> {
  const coverage = new Map<string, number>(EXPERTISE_DOMAIN_CODES.map((code) => [code, 0]));
  for (const professional of professionals) {
    for (const domain of professional.domains) {
      coverage.set(domain.code, (coverage.get(domain.code) ?? 0) + 1);
    }
  }
  return coverage;
}

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const fromA = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(fromA);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(fromA);
    for (const value of fromA) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('samples distinct values', () => {
    const random = new SeededRandom(1);
    const sample = random.sample(['a', 'b', 'c', 'd'], 3);
    expect(new Set(sample).size).toBe(3);
    expect(random.sample(['a', 'b'], 5)).toHaveLength(2);
  });
});

describe('skill keywords', () => {
  it('has about ten keywords for every domain', () => {
    for (const code of EXPERTISE_DOMAIN_CODES) {
      expect(SKILL_KEYWORDS[code].length).toBeGreaterThanOrEqual(8);
      expect(new Set(SKILL_KEYWORDS[code]).size).toBe(SKILL_KEYWORDS[code].length);
    }
  });
});

describe('generateProfessionals', () => {
  const thousand = [...generateProfessionals(1000)];

  it('is deterministic for a seed', () => {
    expect([...generateProfessionals(50, 42)]).toEqual(thousand.slice(0, 50));
    expect([...generateProfessionals(50, 7)]).toEqual([...generateProfessionals(50, 7)]);
    expect([...generateProfessionals(50, 7)]).not.toEqual(thousand.slice(0, 50));
  });

  it('produces batches equal to the matching slice of the full sequence', () => {
    expect(generateProfessionalsBatch(0, 100)).toEqual(thousand.slice(0, 100));
    expect(generateProfessionalsBatch(937, 63, 42)).toEqual(thousand.slice(937, 1000));
    expect(generateProfessional(500)).toEqual(thousand[500]);
  });

  it('generates 1,000 valid professionals with unique emails', () => {
    expect(thousand).toHaveLength(1000);
    expect(thousand.flatMap(problemsOf)).toEqual([]);
    expect(new Set(thousand.map((professional) => professional.email)).size).toBe(1000);
    expect(thousand[0]!.email).toBe('p0@synthetic.example');
  });

  it('covers every domain and follows the intended distributions', () => {
    const coverage = domainCoverage(thousand);
    for (const code of EXPERTISE_DOMAIN_CODES) expect(coverage.get(code)).toBeGreaterThan(0);
    expect(coverage.get('legal')!).toBeGreaterThan(coverage.get('research')!);

    const frenchOnly = thousand.filter(
      (professional) => professional.languages.length === 1 && professional.languages[0] === 'fr',
    ).length;
    expect(frenchOnly).toBeGreaterThan(620);
    expect(frenchOnly).toBeLessThan(780);

    const inOffices = thousand.filter((professional) =>
      ['montreal', 'quebec'].includes(professional.region),
    ).length;
    expect(inOffices).toBeGreaterThan(450);

    const fullTime = thousand.filter((professional) => professional.weeklyCapacityHours === 35).length;
    expect(fullTime).toBeGreaterThan(650);

    const levels = thousand.flatMap((professional) => professional.domains.map((domain) => domain.level));
    const middle = levels.filter((level) => level >= 2 && level <= 4).length;
    expect(middle / levels.length).toBeGreaterThan(0.7);

    const coopYears = thousand.map((professional) => professional.coopExperience.years);
    const median = [...coopYears].sort((a, b) => a - b)[500]!;
    expect(median).toBeLessThan(10);
    expect(Math.max(...coopYears)).toBeLessThanOrEqual(30);
  });
});

describe('demo data', () => {
  it('has about 50 valid professionals with unique emails', () => {
    expect(DEMO_PROFESSIONALS.length).toBeGreaterThanOrEqual(45);
    expect(DEMO_PROFESSIONALS.length).toBeLessThanOrEqual(55);
    expect(DEMO_PROFESSIONALS.flatMap(problemsOf)).toEqual([]);
    const emails = DEMO_PROFESSIONALS.map((professional) => professional.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(DEMO_PROFESSIONALS.filter((professional) => !professional.active)).toHaveLength(2);
  });

  it('covers every domain at least twice, and the core domains four to six times', () => {
    const coverage = domainCoverage(DEMO_PROFESSIONALS);
    for (const code of EXPERTISE_DOMAIN_CODES) expect(coverage.get(code)).toBeGreaterThanOrEqual(2);
    for (const code of ['legal', 'hr', 'events', 'web', 'marketing', 'governance']) {
      expect(coverage.get(code)).toBeGreaterThanOrEqual(4);
      expect(coverage.get(code)).toBeLessThanOrEqual(6);
    }
  });

  it('has eight members and ten requests that reference them', () => {
    expect(DEMO_MEMBERS).toHaveLength(8);
    expect(new Set(DEMO_MEMBERS.map((member) => member.contactEmail)).size).toBe(8);
    for (const member of DEMO_MEMBERS) {
      expect(sectorCodes.has(member.sector)).toBe(true);
      expect(languageCodes.has(member.language)).toBe(true);
    }
    expect(DEMO_REQUESTS).toHaveLength(10);
    for (const request of DEMO_REQUESTS) {
      expect(DEMO_MEMBERS[request.memberIndex]).toBeDefined();
      expect(domainCodes.has(request.domain)).toBe(true);
      expect(URGENCY_LEVELS).toContain(request.urgency);
      expect(request.estimatedHours).toBeGreaterThan(0);
      expect(request.durationDays).toBeGreaterThan(0);
    }
    const congress = DEMO_REQUESTS.find((request) => request.domain === 'events');
    expect(congress?.urgency).toBe('critical');
    expect(DEMO_MEMBERS[DEMO_REQUESTS.find((r) => r.domain === 'legal')!.memberIndex]!.sector).toBe('housing');
  });
});
