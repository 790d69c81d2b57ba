// The console end to end: a real headless Chromium (playwright-core) against the real stack, the
// console served by the gateway from dist/apps/console (npm test builds it first). Screenshots of
// every screen in both languages go to .data/e2e/screenshots/ (and one on any failure).
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { MatchListView, MemberView, ProfessionalView, ServiceRequestView, StatementView } from '@coop/contracts';
import { eventually } from '@coop/platform/testing';
import { launchChromium, screenshot, SCREENSHOT_DIR, watchConsole } from '../support/browser.js';
import { createMember, issueKey } from '../support/credentials.js';
import { call } from '../support/http.js';
import { aProfessional, weekDay } from '../support/professionals.js';
import { TestStack } from '../support/test-stack.js';

const E2E_TIMEOUT_MS = 180_000;
const CONSOLE_INDEX = join(process.cwd(), 'dist', 'apps', 'console', 'index.html');

describe('the console in a browser', () => {
  let stack: TestStack;
  let url: string;
  let browser: Browser;
  let coordinator: string;
  let memberA: MemberView;
  let partnerA: string;
  let requestOfB: string;
  const pros: Record<string, ProfessionalView> = {};
  const requests: Record<'review' | 'auto', string> = { review: '', auto: '' };

  const api = async <T>(method: string, path: string, key: string, body?: unknown, headers?: Record<string, string>) => {
    const response = await call<T>(url, method, path, { key, body, headers });
    if (response.status >= 400) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const requestView = (id: string) => api<ServiceRequestView>('GET', `/v1/requests/${id}`, coordinator);
  const settled = (id: string, status: string) =>
    eventually(async () => {
      const request = await requestView(id);
      expect(request.status).toBe(status);
      return request;
    }, 30_000);

  beforeAll(async () => {
    await rm(SCREENSHOT_DIR, { recursive: true, force: true });
    if (!existsSync(CONSOLE_INDEX)) throw new Error(`the console is not built (${CONSOLE_INDEX} is missing): run npm run build`);
    browser = await launchChromium();
    stack = await TestStack.start(['members', 'professionals', 'matching', 'notifications', 'gateway']);
    url = stack.gatewayUrl();
    coordinator = (await issueKey(url, 'coordinator')).key;
    memberA = await createMember(url, { name: 'Fédération des coopératives d’habitation (essai)', sector: 'housing', language: 'fr', autoAssign: false });
    const memberB = await createMember(url, { name: 'Réseau confidentiel B', autoAssign: false });
    partnerA = (await issueKey(url, 'partner', memberA.id)).key;
    const partnerB = (await issueKey(url, 'partner', memberB.id)).key;

    const profiles = [
      ['first', 'Alice Lavoie', 5, 18, ['fr']],
      ['second', 'Bruno Gagnon', 4, 10, ['fr']],
      ['third', 'Chloé Roy', 3, 6, ['fr', 'en']],
      ['english', 'Derek Smith', 5, 20, ['en']],
    ] as const;
    for (const [role, fullName, level, years, languages] of profiles) {
      pros[role] = await api<ProfessionalView>('POST', '/v1/professionals', coordinator, aProfessional({ fullName, domains: [{ code: 'legal', level, years }], languages: [...languages] }));
    }
    // Every one of them searchable, Derek Smith too: the request's page shows him among the excluded
    // (English only), as search finds him, and reads its matches once.
    await eventually(async () => {
      const found = await api<MatchListView>('POST', '/v1/matches/search', coordinator, { domain: 'legal', startDate: weekDay(2), endDate: weekDay(2, 4), hours: 10, language: 'fr', explainExcluded: true });
      expect(found.candidates.length).toBeGreaterThanOrEqual(3);
      expect((found.excluded ?? []).map((excluded) => excluded.fullName)).toContain('Derek Smith');
    }, 30_000);

    const legal = { domain: 'legal', description: 'Un jugement récent touche l’article sur l’admission des membres.', language: 'fr' };
    requests.review = (await api<{ id: string }>('POST', '/v1/requests', coordinator, { ...legal, memberId: memberA.id, title: 'Analyse d’un jugement sur nos règlements', startDate: weekDay(2), endDate: weekDay(2, 4), estimatedHours: 20, urgency: 'high' })).id;
    requests.auto = (await api<{ id: string }>('POST', '/v1/requests', coordinator, { ...legal, memberId: memberA.id, title: 'Révision de la politique d’admission', startDate: weekDay(5), endDate: weekDay(5, 4), estimatedHours: 10, autoAssign: true })).id;
    requestOfB = (await api<{ id: string }>('POST', '/v1/requests', partnerB, { ...legal, title: 'Demande confidentielle du réseau B', startDate: weekDay(3), endDate: weekDay(3, 4), estimatedHours: 8 })).id;
    await settled(requests.review, 'pending_review');
    await settled(requests.auto, 'assigned');
  }, E2E_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await stack?.dispose();
  });

  /** A page in a fresh context (its own sessionStorage: a new tab of a new browser), in `locale`. */
  const contexts: BrowserContext[] = [];
  const openPage = async (locale: 'fr-CA' | 'en-CA'): Promise<Page> => {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const problems = watchConsole(page);
    pagesProblems.push(problems);
    return page;
  };
  const pagesProblems: string[][] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  /** Runs a scenario; on failure keeps a screenshot of where it was. */
  const scenario = (name: string, run: (open: (locale: 'fr-CA' | 'en-CA') => Promise<Page>) => Promise<void>) =>
    it(
      name,
      async () => {
        const pages: Page[] = [];
        try {
          await run(async (locale) => {
            const page = await openPage(locale);
            pages.push(page);
            return page;
          });
        } catch (error) {
          for (const [index, page] of pages.entries()) await screenshot(page, `failure-${name.replace(/\W+/g, '-')}-${index}`).catch(() => undefined);
          throw error;
        }
      },
      E2E_TIMEOUT_MS,
    );

  const signIn = async (page: Page, key: string) => {
    await page.goto(`${url}/`);
    await page.getByLabel(/Clé d’API|API key/).fill(key);
    await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
    await page.getByRole('button', { name: /Se déconnecter|Sign out/ }).waitFor();
  };
  const reasonsIn = async (language: 'fr' | 'en') =>
    (await api<MatchListView>('GET', `/v1/requests/${requests.review}/matches?limit=20`, coordinator, undefined, { 'accept-language': language })).candidates;
  const heatCell = (page: Page, professionalId: string, week: string) => page.locator(`button[data-professional="${professionalId}"][data-week="${week}"]`);
  const screenName = (screen: string) => screen.replace(/[0-9a-f-]{36}/, 'one').replace(/\//g, '-');
  const isoWeekOf = (day: string): string => {
    const date = new Date(`${day}T00:00:00Z`);
    const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
    const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
    const week = 1 + Math.round(((thursday.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
    return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
  };

  scenario('a coordinator reads the reasons in French, switches to English, overrides to the second candidate with a reason, and the heat map follows', async (open) => {
    const page = await open('fr-CA');
    await signIn(page, coordinator);
    await page.getByRole('heading', { name: 'File de travail' }).waitFor();
    await page.getByRole('link', { name: 'Analyse d’un jugement sur nos règlements' }).click();
    await page.waitForURL(`**/console/requests/${requests.review}`);

    const [french, english] = [await reasonsIn('fr'), await reasonsIn('en')];
    expect(french[0].reasons[0]).not.toEqual(english[0].reasons[0]);
    await page.getByText(french[0].reasons[0], { exact: true }).first().waitFor();
    await page.getByText('Derek Smith').first().waitFor(); // excluded, with why
    await screenshot(page, 'fr-request-pending-review');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(english[0].reasons[0], { exact: true }).first().waitFor();
    await expect(page.getByText(french[0].reasons[0], { exact: true }).count()).resolves.toBe(0);
    await screenshot(page, 'en-request-pending-review');

    // The heat map cell of the second candidate's week, before.
    const [best, second] = english;
    const week = isoWeekOf(weekDay(2));
    await page.getByRole('link', { name: 'Capacity' }).click();
    const before = await heatCell(page, second.professionalId, week).textContent();
    await page.goBack();

    const card = page.getByRole('listitem', { name: `Candidate 2: ${second.fullName}` });
    await card.getByRole('button', { name: `Assign ${second.fullName}` }).click();
    const expectedGap = new Intl.NumberFormat('en-CA', { maximumFractionDigits: 2 }).format(best.score - second.score);
    await expect(card.getByTestId('score-gap').textContent()).resolves.toContain(`Scores ${expectedGap} lower than the best`);
    await card.getByRole('button', { name: 'Confirm the assignment' }).click();
    await card.getByText('Give a reason (at least 2 characters).').waitFor(); // the override needs a reason
    await card.getByLabel('Why this person (required for an override)').fill('Connaît déjà les règlements de cette fédération');
    await card.getByRole('button', { name: 'Confirm the assignment' }).click();
    await page.getByText(`Assigned to ${second.fullName}.`).waitFor();
    await page.getByTestId('assignment').getByText(second.fullName).waitFor();
    expect((await requestView(requests.review)).assignment?.professionalId).toBe(second.professionalId);
    await page.getByText('Connaît déjà les règlements de cette fédération').waitFor(); // in the history

    await page.getByRole('link', { name: 'Capacity' }).click();
    const cell = heatCell(page, second.professionalId, week);
    await eventually(async () => expect(await cell.textContent()).not.toBe(before), 10_000, 250);
    await cell.click();
    await page.getByRole('link', { name: 'Open the request' }).waitFor();
    await screenshot(page, 'en-capacity-with-week');
  });

  scenario('a decline brings a new assignment to someone else', async (open) => {
    const page = await open('en-CA');
    const before = (await requestView(requests.auto)).assignment!;
    await signIn(page, coordinator);
    await page.goto(`${url}/console/requests/${requests.auto}`);
    const declineForm = page.getByRole('form', { name: 'Decline' });
    await declineForm.getByLabel('Why the professional declines').fill('Conflit d’intérêts avec la fédération');
    await declineForm.getByRole('button', { name: 'Decline' }).click();
    const after = await eventually(async () => {
      const request = await requestView(requests.auto);
      expect(request.status).toBe('assigned');
      expect(request.assignment?.professionalId).not.toBe(before.professionalId);
      return request.assignment!;
    }, 30_000);
    const name = Object.values(pros).find((professional) => professional.id === after.professionalId)!.fullName;
    await page.getByTestId('assignment').getByText(name).waitFor({ timeout: 20_000 });
    await expect(declineForm.getByLabel('Why the professional declines').inputValue()).resolves.toBe(''); // a fresh form for the new one
    await page.getByText('Declined', { exact: true }).first().waitFor();
    await screenshot(page, 'en-request-after-decline');
  });

  scenario('a request nobody can take alone: Apply on the split shares it between two, and the request shows both', async (open) => {
    // 9 h and 6 h a week over two weeks: 18 h and 12 h of the 30 asked.
    const [paul, rita] = [
      await api<ProfessionalView>('POST', '/v1/professionals', coordinator, aProfessional({ fullName: 'Paul Partage', domains: [{ code: 'marketing', level: 5, years: 15 }], languages: ['fr'], weeklyCapacityHours: 9 })),
      await api<ProfessionalView>('POST', '/v1/professionals', coordinator, aProfessional({ fullName: 'Rita Moitié', domains: [{ code: 'marketing', level: 3, years: 4 }], languages: ['fr'], weeklyCapacityHours: 6 })),
    ];
    const window = { startDate: weekDay(3), endDate: weekDay(4, 4) };
    await eventually(async () => {
      const found = await api<MatchListView>('POST', '/v1/matches/search', coordinator, { domain: 'marketing', ...window, hours: 1, language: 'fr' });
      expect(found.candidates).toHaveLength(2);
    }, 30_000);
    const { id } = await api<{ id: string }>('POST', '/v1/requests', coordinator, {
      domain: 'marketing', title: 'Campagne d’adhésion', description: 'Une campagne pour recruter de nouveaux membres.', language: 'fr', memberId: memberA.id, estimatedHours: 30, ...window,
    });
    await settled(id, 'unmatched');

    const page = await open('en-CA');
    await signIn(page, coordinator);
    await page.goto(`${url}/console/requests/${id}`);
    const split = page.locator('li.panel').filter({ hasText: 'Shared by two' });
    await split.getByRole('button', { name: 'Apply' }).click();
    const shared = await settled(id, 'assigned');
    expect(shared.assignment!.parts!.map((part) => [part.professionalId, part.hours])).toEqual([[paul.id, 18], [rita.id, 12]]);
    const assignment = page.getByTestId('assignment');
    await assignment.getByText(/Paul Partage 18\s?h \+ Rita Moitié 12\s?h/).waitFor({ timeout: 20_000 });
    // Each professional declines or completes their own part.
    await page.getByRole('group', { name: 'Part of Rita Moitié' }).getByRole('form', { name: 'Complete' }).waitFor();
    await screenshot(page, 'en-request-shared');
  });

  scenario('completing with hours spent, the statement’s total equals the API’s', async (open) => {
    const page = await open('en-CA');
    await signIn(page, coordinator);
    await page.goto(`${url}/console/requests/${requests.review}`);
    const complete = page.getByRole('form', { name: 'Complete' });
    await complete.getByLabel('Hours spent').fill('18.5');
    await complete.getByRole('button', { name: 'Complete' }).click();
    await settled(requests.review, 'completed');

    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
    const statement = await api<StatementView>('GET', `/v1/members/${memberA.id}/statement?month=${month}`, coordinator);
    expect(statement.totalAmount).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Statements' }).click();
    await page.getByLabel('Member', { exact: true }).selectOption(memberA.id);
    await page.getByLabel('Month', { exact: true }).fill(month);
    const total = await page.getByTestId('total-amount').textContent();
    expect(Number(total!.replace(/[^\d.]/g, ''))).toBeCloseTo(statement.totalAmount, 2);
    expect(total).toBe(new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' }).format(statement.totalAmount));
    await screenshot(page, 'en-statement');
  });

  scenario('a partner submits with the form (per-field messages for an empty and an invalid form) and never sees another member’s request', async (open) => {
    const page = await open('en-CA');
    await signIn(page, partnerA);
    await page.waitForURL('**/console/requests');
    await page.getByRole('link', { name: 'New request' }).first().click();
    const form = page.getByRole('form', { name: 'New request' });
    const submit = form.getByRole('button', { name: 'Submit the request' });

    await submit.click();
    await eventually(async () => {
      for (const label of ['Domain', 'Title', 'Description', 'First day', 'Last day', 'Hours']) expect(await form.getByLabel(label, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    }, 10_000, 200);
    await screenshot(page, 'en-new-request-empty');

    await form.getByLabel('Domain', { exact: true }).selectOption('legal');
    await form.getByLabel('Title', { exact: true }).fill('ab');
    await form.getByLabel('Description', { exact: true }).fill('Révision de nos règlements');
    await form.getByLabel('First day', { exact: true }).fill(weekDay(-2));
    await form.getByLabel('Last day', { exact: true }).fill(weekDay(-3));
    await form.getByLabel('Hours', { exact: true }).fill('0');
    await submit.click();
    await eventually(async () => {
      for (const label of ['Title', 'Hours']) expect(await form.getByLabel(label, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    }, 10_000, 200);
    await expect(form.getByLabel('Domain', { exact: true }).getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(form.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('ab'); // what was typed is kept
    await screenshot(page, 'en-new-request-invalid');

    // The window is judged once the fields are well formed: a first day in the past is refused.
    await form.getByLabel('Title', { exact: true }).fill('Révision de nos règlements généraux');
    await form.getByLabel('Hours', { exact: true }).fill('12');
    await submit.click();
    await eventually(async () => expect(await form.getByLabel('First day', { exact: true }).getAttribute('aria-invalid')).toBe('true'), 10_000, 200);
    await expect(form.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).resolves.toBeNull();

    await form.getByLabel('First day', { exact: true }).fill(weekDay(4));
    await form.getByLabel('Last day', { exact: true }).fill(weekDay(4, 4));
    await form.getByLabel('Hours', { exact: true }).fill('12');
    await submit.click();
    await page.waitForURL(/\/console\/requests\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    expect((await requestView(id)).memberId).toBe(memberA.id);
    await page.getByRole('heading', { name: 'Révision de nos règlements généraux' }).waitFor();

    await page.getByRole('link', { name: 'Our requests' }).click();
    await page.getByRole('link', { name: 'Révision de nos règlements généraux' }).waitFor();
    await expect(page.getByText('Demande confidentielle du réseau B').count()).resolves.toBe(0);
    await page.goto(`${url}/console/requests/${requestOfB}`);
    await page.getByRole('heading', { name: 'Request not found' }).waitFor();
    await expect(page.getByText('Demande confidentielle du réseau B').count()).resolves.toBe(0);
    await page.goto(`${url}/console/queue`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expect(page.getByRole('link', { name: 'Work queue' }).count()).resolves.toBe(0);
  });

  scenario('a bad key gets a clear message; a key revoked during the session returns to sign-in', async (open) => {
    const page = await open('en-CA');
    await page.goto(`${url}/console/`);
    // With the keyboard alone: Tab to the key, type it, Enter.
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement?.getAttribute("name")')).resolves.toBe('apiKey');
    await page.keyboard.type('cem_live_thisKeyDoesNotExistAAAAAAAAAAAAAAAAAAAAAAAAA');
    await page.keyboard.press('Enter');
    await page.getByText('This key is unknown or has been revoked.', { exact: false }).waitFor();
    expect(page.url()).not.toContain('cem_live');

    const issued = await issueKey(url, 'coordinator');
    await signIn(page, issued.key);
    await call(url, 'DELETE', `/v1/credentials/${issued.id}`);
    // The queue refreshes itself: its next call is refused and the console returns to sign-in.
    await page.getByText('Your key was refused (it may have been revoked): sign in again.').waitFor();
    expect(page.url()).toMatch(/\/console\/signin$/);
    await expect(page.evaluate('window.sessionStorage.length')).resolves.toBe(0);
  });

  scenario('every screen, in French and in English', async (open) => {
    await api('POST', '/v1/webhooks', partnerA, { url: 'http://127.0.0.1:9/hooks', eventTypes: ['request.submitted', 'request.assigned'], description: 'Intranet' });
    await api('POST', '/v1/requests', partnerA, { domain: 'hr', title: 'Politique de télétravail', description: 'Rédaction', startDate: weekDay(6), endDate: weekDay(6, 4), estimatedHours: 6 });
    const professionalId = pros.first.id;
    const coordinatorScreens = ['queue', `requests/${requests.auto}`, 'search', 'professionals', `professionals/${professionalId}`, 'professionals/new', 'capacity', 'statements', 'notifications'];
    const partnerScreens = ['requests', 'requests/new', `requests/${requests.review}`, 'statements', 'webhooks'];
    for (const [language, locale] of [['fr', 'fr-CA'], ['en', 'en-CA']] as const) {
      const page = await open(locale);
      await page.goto(`${url}/console/`);
      await page.getByRole('button', { name: /Se connecter|Sign in/ }).waitFor();
      await screenshot(page, `${language}-sign-in`);
      await signIn(page, coordinator);
      for (const screen of coordinatorScreens) {
        await page.goto(`${url}/console/${screen}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle').catch(() => undefined);
        if (screen === 'search') {
          await page.locator('form[aria-label] select').first().selectOption('legal');
          await page.locator('input[type=date]').nth(0).fill(weekDay(8));
          await page.locator('input[type=date]').nth(1).fill(weekDay(8, 4));
          await page.locator('input[type=number]').first().fill('12');
          await page.locator('form[aria-label] button[type=submit]').click();
          await page.locator('.candidate').first().waitFor();
        }
        if (screen === 'statements') await page.locator('select').first().selectOption(memberA.id);
        await screenshot(page, `${language}-coordinator-${screenName(screen)}`);
      }
      const partnerPage = await open(locale);
      await signIn(partnerPage, partnerA);
      for (const screen of partnerScreens) {
        await partnerPage.goto(`${url}/console/${screen}`);
        await partnerPage.locator('main h1').first().waitFor();
        await partnerPage.waitForLoadState('networkidle').catch(() => undefined);
        await screenshot(partnerPage, `${language}-partner-${screenName(screen)}`);
      }
      await partnerPage.locator('a[href*="/console/webhooks/"]').first().click();
      await partnerPage.getByRole('heading', { level: 2 }).first().waitFor();
      await screenshot(partnerPage, `${language}-partner-webhook-deliveries`);
    }
  });

  it('logged no errors in the browser', () => {
    expect(pagesProblems.flat()).toEqual([]);
  });
});
