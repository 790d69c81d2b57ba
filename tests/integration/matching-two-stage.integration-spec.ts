import { randomUUID } from 'node:crypto';
import { BookingRpc, COOP_SECTOR_CODES, type CreateProfessionalRequest, type MatchSearchRequest, MatchingRpc, ProfessionalRpc } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { eventually } from '@coop/platform/testing';
import { generateProfessionalsBatch } from '../../tools/generator/generate-professionals.js';
import { SeededRandom } from '../../tools/generator/random.js';
import { SKILL_KEYWORDS } from '../../tools/generator/skill-keywords.js';
import { searchIndex, weekDay } from '../support/professionals.js';
import { TestStack } from '../support/test-stack.js';

// The consortium's size: every search ranked in two stages must give exactly what ranking every
// eligible professional gives, whatever the request asks for.
const CONSORTIUM = 50;
const DOMAINS = ['legal', 'hr'] as const;

describe('matching at the consortium’s size: the two-stage ranking is the exhaustive ranking', () => {
  let stack: TestStack;
  let rpc: RpcClient;

  beforeAll(async () => {
    // Small first pages, so that retrieval has to decide when to stop reading even in a field of 50.
    stack = await TestStack.start(['professionals', 'matching'], { MATCH_FIRST_PAGE: '5' });
    rpc = stack.app('matching').get(RpcClient);
    // Synthetic profiles, two domains shared by most, so that each search has a field to rank.
    const professionals: CreateProfessionalRequest[] = generateProfessionalsBatch(0, CONSORTIUM, 11).map((p, i) => {
      const domain = DOMAINS[i % 2];
      const domains = p.domains.some((d) => d.code === domain) ? p.domains : [{ ...p.domains[0], code: domain }, ...p.domains.slice(1).filter((d) => d.code !== domain)];
      return { ...p, domains, skills: [...p.skills, ...SKILL_KEYWORDS[domain].slice(i % 4, (i % 4) + 2)], active: i % 17 !== 5 };
    });
    const { created } = await rpc.send(ProfessionalRpc.import, { professionals }, { timeoutMs: 60_000 });
    expect(created).toBe(CONSORTIUM);
    // Some are busy over the weeks the searches ask about: free hours differ.
    const { items } = await rpc.send(ProfessionalRpc.list, { limit: CONSORTIUM });
    for (const [i, professional] of items.entries()) {
      if (i % 3 !== 0 || !professional.active) continue;
      await rpc.send(BookingRpc.reserve, { assignmentId: randomUUID(), professionalId: professional.id, startDate: weekDay(2), endDate: weekDay(3, 4), hours: 10 + (i % 5) * 4 });
    }
    const index = searchIndex(stack);
    await eventually(async () => expect((await index.getStats()).numberOfDocuments).toBe(CONSORTIUM), 30_000);
    await eventually(async () => expect((await index.getStats()).isIndexing).toBe(false), 30_000);
  });
  afterAll(() => stack.dispose());

  it('gives the same candidates, scores and order as ranking everyone, for many kinds of request', async () => {
    const random = new SeededRandom(5);
    let compared = 0;
    for (let i = 0; i < 40; i += 1) {
      const domain = random.pick(DOMAINS);
      const start = random.int(1, 4);
      const search: MatchSearchRequest = {
        domain,
        language: random.chance(0.8) ? 'fr' : 'en',
        startDate: weekDay(start),
        endDate: weekDay(start, random.int(4, 18)),
        hours: random.pick([5, 20, 40, 90]),
        limit: random.pick([1, 3, 10, 20]),
        ...(random.chance(0.7) ? { sector: random.pick(COOP_SECTOR_CODES) } : {}),
        ...(random.chance(0.4) ? { onSite: true, region: random.pick(['montreal', 'quebec', 'estrie']) } : {}),
        ...(random.chance(0.4) ? { urgency: random.pick(['high', 'critical'] as const) } : {}),
        ...(random.chance(0.8) ? { text: `${random.pick(SKILL_KEYWORDS[domain])} ${random.pick(SKILL_KEYWORDS[domain])}` } : {}),
      };
      const [twoStage, everyone] = [await rpc.send(MatchingRpc.search, search), await rpc.send(MatchingRpc.search, { ...search, exhaustive: true })];
      expect({ search, candidates: twoStage.candidates }).toEqual({ search, candidates: everyone.candidates });
      if (everyone.candidates.length > 0) compared += 1;
    }
    expect(compared).toBeGreaterThan(30);
  });
});
