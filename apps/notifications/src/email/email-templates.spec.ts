import 'reflect-metadata';
import { LANGUAGE_CODES } from '@coop/contracts';
import { EMAIL_KINDS, EmailContext, renderEmail } from './email-templates.js';

const context: EmailContext = {
  facts: { requestId: 'a5d1c7e2-0000-4000-8000-000000000001', memberId: 'm', title: 'Congrès annuel', startDate: '2027-05-01', endDate: '2027-05-14', hours: 60, reason: 'conflit' },
  recipientName: 'Geneviève Tremblay',
  memberName: 'Fédération des coopératives scolaires',
  professionalName: 'Geneviève Tremblay',
};

describe(renderEmail.name, () => {
  it.each(EMAIL_KINDS.flatMap((kind) => LANGUAGE_CODES.map((language) => [kind, language] as const)))('writes %s in %s, naming the request', (kind, language) => {
    const email = renderEmail(kind, language, context);

    expect(email.subject).toContain('Congrès annuel');
    expect(email.text.length).toBeGreaterThan(email.subject.length);
  });

  it('writes French and English differently', () => {
    for (const kind of EMAIL_KINDS) expect(renderEmail(kind, 'fr', context).subject).not.toBe(renderEmail(kind, 'en', context).subject);
  });

  it('names the request by id when its title is unknown', () => {
    const email = renderEmail('member.unmatched', 'en', { ...context, facts: { ...context.facts, title: null } });

    expect(email.subject).toBe(`No professional available for #${context.facts.requestId}`);
  });
});
