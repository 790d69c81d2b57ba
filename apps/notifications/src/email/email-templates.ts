import type { LanguageCode } from '@coop/contracts';

export const EMAIL_KINDS = ['professional.assigned', 'professional.declined', 'professional.cancelled', 'member.assigned', 'member.unmatched'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** Facts about the request and event, stored with the message when the event arrives. */
export interface EmailFacts {
  requestId: string;
  memberId: string;
  professionalId?: string;
  title?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  hours?: number;
  reason?: string;
  /** A shared request: the professionals (and their hours) it is shared with, or for the member all of them. */
  sharedWith?: Array<{ professionalId: string; hours: number }>;
}

/** Everything a template may use: the facts and the names looked up when sending. */
export interface EmailContext {
  facts: EmailFacts;
  recipientName: string;
  memberName: string;
  professionalName?: string;
  /** The names of `facts.sharedWith`, looked up when sending, with their hours. */
  sharedWith?: Array<{ name: string; hours: number }>;
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

type Template = (context: EmailContext) => RenderedEmail;

const SIGNATURE = {
  fr: "—\nLe consortium de services partagés\nCe message est envoyé automatiquement; pour toute question, répondez à votre coordonnatrice ou coordonnateur.",
  en: '—\nThe shared-services consortium\nThis message was sent automatically; for any question, reply to your coordinator.',
} as const;

function requestLabel(facts: EmailFacts, language: LanguageCode): string {
  if (facts.title) return language === 'fr' ? `« ${facts.title} »` : `"${facts.title}"`;
  return language === 'fr' ? `no ${facts.requestId}` : `#${facts.requestId}`;
}

function windowLine(facts: EmailFacts, language: LanguageCode): string[] {
  if (!facts.startDate || !facts.endDate) return [];
  return [language === 'fr' ? `Période : du ${facts.startDate} au ${facts.endDate}` : `Window: ${facts.startDate} to ${facts.endDate}`];
}

function hoursLine(facts: EmailFacts, language: LanguageCode): string[] {
  if (facts.hours === undefined) return [];
  return [language === 'fr' ? `Heures prévues : ${facts.hours}` : `Planned hours: ${facts.hours}`];
}

function namesWithHours(people: ReadonlyArray<{ name: string; hours: number }>, language: LanguageCode): string {
  const listed = people.map((person) => `${person.name} (${person.hours} h)`);
  const and = language === 'fr' ? ' et ' : ' and ';
  return listed.length <= 1 ? (listed[0] ?? '') : `${listed.slice(0, -1).join(', ')}${and}${listed[listed.length - 1]}`;
}

/** To a professional of a shared request: who shares it. */
function sharedLine(c: EmailContext, language: LanguageCode): string[] {
  if (!c.sharedWith?.length) return [];
  return [language === 'fr' ? `Demande partagée avec ${namesWithHours(c.sharedWith, 'fr')}.` : `Shared with ${namesWithHours(c.sharedWith, 'en')}.`];
}

function body(language: LanguageCode, greeting: string, lines: string[]): string {
  return [greeting, '', ...lines, '', SIGNATURE[language], ''].join('\n');
}

/** Every kind has a French and an English version: the compiler refuses a missing one. */
const TEMPLATES: Record<EmailKind, Record<LanguageCode, Template>> = {
  'professional.assigned': {
    fr: (c) => ({
      subject: `Nouvelle affectation : ${requestLabel(c.facts, 'fr')}`,
      text: body('fr', `Bonjour ${c.recipientName},`, [
        `Vous êtes affecté(e) à la demande ${requestLabel(c.facts, 'fr')} de ${c.memberName}.`,
        ...windowLine(c.facts, 'fr'),
        ...hoursLine(c.facts, 'fr'),
        ...sharedLine(c, 'fr'),
        'Si vous ne pouvez pas la prendre, avisez votre coordonnatrice ou coordonnateur sans tarder.',
      ]),
    }),
    en: (c) => ({
      subject: `New assignment: ${requestLabel(c.facts, 'en')}`,
      text: body('en', `Hello ${c.recipientName},`, [
        `You are assigned to the request ${requestLabel(c.facts, 'en')} from ${c.memberName}.`,
        ...windowLine(c.facts, 'en'),
        ...hoursLine(c.facts, 'en'),
        ...sharedLine(c, 'en'),
        'If you cannot take it, tell your coordinator right away.',
      ]),
    }),
  },
  'professional.declined': {
    fr: (c) => ({
      subject: `Refus enregistré : ${requestLabel(c.facts, 'fr')}`,
      text: body('fr', `Bonjour ${c.recipientName},`, [
        `Votre refus de la demande ${requestLabel(c.facts, 'fr')} de ${c.memberName} est enregistré; elle ne vous sera plus proposée.`,
        ...(c.facts.reason ? [`Motif : ${c.facts.reason}`] : []),
      ]),
    }),
    en: (c) => ({
      subject: `Decline recorded: ${requestLabel(c.facts, 'en')}`,
      text: body('en', `Hello ${c.recipientName},`, [
        `Your decline of the request ${requestLabel(c.facts, 'en')} from ${c.memberName} is recorded; it will not be offered to you again.`,
        ...(c.facts.reason ? [`Reason: ${c.facts.reason}`] : []),
      ]),
    }),
  },
  'professional.cancelled': {
    fr: (c) => ({
      subject: `Demande annulée : ${requestLabel(c.facts, 'fr')}`,
      text: body('fr', `Bonjour ${c.recipientName},`, [
        `${c.memberName} a annulé la demande ${requestLabel(c.facts, 'fr')}. Votre affectation est levée et les heures réservées sont libérées.`,
        ...(c.facts.reason ? [`Motif : ${c.facts.reason}`] : []),
      ]),
    }),
    en: (c) => ({
      subject: `Request cancelled: ${requestLabel(c.facts, 'en')}`,
      text: body('en', `Hello ${c.recipientName},`, [
        `${c.memberName} cancelled the request ${requestLabel(c.facts, 'en')}. Your assignment is withdrawn and the booked hours are released.`,
        ...(c.facts.reason ? [`Reason: ${c.facts.reason}`] : []),
      ]),
    }),
  },
  'member.assigned': {
    fr: (c) =>
      c.sharedWith?.length
        ? {
            subject: `Votre demande ${requestLabel(c.facts, 'fr')} est partagée entre ${c.sharedWith.map((p) => p.name).join(' et ')}`,
            text: body('fr', 'Bonjour,', [
              `${namesWithHours(c.sharedWith, 'fr')} se partagent votre demande ${requestLabel(c.facts, 'fr')}.`,
              ...windowLine(c.facts, 'fr'),
              ...hoursLine(c.facts, 'fr'),
            ]),
          }
        : {
            subject: `Votre demande ${requestLabel(c.facts, 'fr')} est confiée à ${c.professionalName ?? 'une ou un professionnel'}`,
            text: body('fr', 'Bonjour,', [
              `${c.professionalName ?? 'Une ou un professionnel du consortium'} prend en charge votre demande ${requestLabel(c.facts, 'fr')}.`,
              ...windowLine(c.facts, 'fr'),
              ...hoursLine(c.facts, 'fr'),
            ]),
          },
    en: (c) =>
      c.sharedWith?.length
        ? {
            subject: `Your request ${requestLabel(c.facts, 'en')} is shared by ${c.sharedWith.map((p) => p.name).join(' and ')}`,
            text: body('en', 'Hello,', [
              `${namesWithHours(c.sharedWith, 'en')} are sharing your request ${requestLabel(c.facts, 'en')}.`,
              ...windowLine(c.facts, 'en'),
              ...hoursLine(c.facts, 'en'),
            ]),
          }
        : {
            subject: `Your request ${requestLabel(c.facts, 'en')} is assigned to ${c.professionalName ?? 'a professional'}`,
            text: body('en', 'Hello,', [
              `${c.professionalName ?? 'A professional of the consortium'} is taking on your request ${requestLabel(c.facts, 'en')}.`,
              ...windowLine(c.facts, 'en'),
              ...hoursLine(c.facts, 'en'),
            ]),
          },
  },
  'member.unmatched': {
    fr: (c) => ({
      subject: `Aucune ou aucun professionnel disponible pour ${requestLabel(c.facts, 'fr')}`,
      text: body('fr', 'Bonjour,', [
        `Personne n'est disponible pour l'instant pour votre demande ${requestLabel(c.facts, 'fr')}.`,
        'Nos coordonnateurs sont avisés et communiqueront avec vous pour trouver une solution.',
      ]),
    }),
    en: (c) => ({
      subject: `No professional available for ${requestLabel(c.facts, 'en')}`,
      text: body('en', 'Hello,', [
        `No one is available right now for your request ${requestLabel(c.facts, 'en')}.`,
        'Our coordinators have been alerted and will contact you to find a solution.',
      ]),
    }),
  },
};

export function renderEmail(kind: EmailKind, language: LanguageCode, context: EmailContext): RenderedEmail {
  return TEMPLATES[kind][language](context);
}
