import type { LanguageCode, NearestFitKind } from '@coop/contracts';
import type { MatchContext } from '../ranking/candidate-facts.js';
import { formatHours } from '../ranking/reasons.js';
import type { NearestFit } from './nearest-fits.js';

/** What the nearest fits come to, naming no one (NearestFitsSummary without its text). */
export interface NearestFitsGist {
  requestedHours: number;
  availableProfessionals: number;
  hoursPossibleNow?: number;
  allHoursWindow?: { kind: 'stretched_window' | 'shifted_window'; startDate: string; endDate: string };
  splitHours?: number[];
  otherLanguage?: LanguageCode;
}

const LANGUAGE_NAMES: Record<LanguageCode, Record<LanguageCode, string>> = {
  fr: { fr: 'français', en: 'anglais' },
  en: { fr: 'French', en: 'English' },
};

const DATE_FORMATS: Record<LanguageCode, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-CA', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-CA', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** 19 mars 2027, 1er mars 2027; March 19, 2027. */
export function formatDate(date: string, lang: LanguageCode): string {
  const text = DATE_FORMATS[lang].format(new Date(`${date}T00:00:00Z`));
  return lang === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

const plural = (n: number, one: string, many: string) => (Math.abs(n) === 1 ? one : many);
const workingDays: Record<LanguageCode, (n: number) => string> = {
  fr: (n) => `${Math.abs(n)} ${plural(n, 'jour ouvrable', 'jours ouvrables')}`,
  en: (n) => `${Math.abs(n)} ${plural(n, 'working day', 'working days')}`,
};

type Sentence = (fit: NearestFit, context: MatchContext) => string;

/** One sentence per kind, in each language: who, and the change. */
const SENTENCES: Record<LanguageCode, Record<NearestFitKind, Sentence>> = {
  fr: {
    fewer_hours: ({ parts: [p] }, ctx) =>
      `${p.facts.fullName} est libre ${formatHours(p.freeHours)} sur les ${formatHours(ctx.estimatedHours)} : ${formatHours(p.hours)} dès maintenant`,
    stretched_window: ({ parts: [p], change }, ctx) =>
      `${p.facts.fullName} peut prendre les ${formatHours(ctx.estimatedHours)} si la période se termine le ${formatDate(change.endDate!, 'fr')} (${workingDays.fr(change.workingDaysMoved!)} de plus)`,
    shifted_window: ({ parts: [p], change }, ctx) =>
      `${p.facts.fullName} peut prendre les ${formatHours(ctx.estimatedHours)} si la période est décalée de ${workingDays.fr(change.workingDaysMoved!)} ` +
      `${change.workingDaysMoved! > 0 ? 'plus tard' : 'plus tôt'} : du ${formatDate(change.startDate!, 'fr')} au ${formatDate(change.endDate!, 'fr')}`,
    split: ({ parts }) => `Deux professionnels ensemble : ${parts.map((p) => `${p.facts.fullName} ${formatHours(p.hours)}`).join(' + ')}`,
    other_language: ({ parts: [p], change }, ctx) =>
      `${p.facts.fullName} ne parle pas ${LANGUAGE_NAMES.fr[ctx.language]}, une contrainte stricte de la demande, ` +
      `mais travaille en ${LANGUAGE_NAMES.fr[change.language!]} et est libre pour toute la période`,
  },
  en: {
    fewer_hours: ({ parts: [p] }, ctx) =>
      `${p.facts.fullName} is free for ${formatHours(p.freeHours)} of the ${formatHours(ctx.estimatedHours)}: ${formatHours(p.hours)} now`,
    stretched_window: ({ parts: [p], change }, ctx) =>
      `${p.facts.fullName} can take all ${formatHours(ctx.estimatedHours)} if the window ends on ${formatDate(change.endDate!, 'en')} (${workingDays.en(change.workingDaysMoved!)} more)`,
    shifted_window: ({ parts: [p], change }, ctx) =>
      `${p.facts.fullName} can take all ${formatHours(ctx.estimatedHours)} if the window moves ${workingDays.en(change.workingDaysMoved!)} ` +
      `${change.workingDaysMoved! > 0 ? 'later' : 'earlier'}: ${formatDate(change.startDate!, 'en')} to ${formatDate(change.endDate!, 'en')}`,
    split: ({ parts }) => `Two professionals together: ${parts.map((p) => `${p.facts.fullName} ${formatHours(p.hours)}`).join(' + ')}`,
    other_language: ({ parts: [p], change }, ctx) =>
      `${p.facts.fullName} does not speak ${LANGUAGE_NAMES.en[ctx.language]}, a hard constraint of the request, ` +
      `but works in ${LANGUAGE_NAMES.en[change.language!]} and is free for the whole window`,
  },
};

export function explainNearestFit(fit: NearestFit, context: MatchContext, lang: LanguageCode): string {
  return SENTENCES[lang][fit.kind](fit, context);
}

/** The gist of the nearest fits: the most hours possible now, the nearest window for all of them, a split, a language. */
export function gistOf(fits: readonly NearestFit[], context: MatchContext, availableProfessionals: number): NearestFitsGist {
  const fewer = fits.find((fit) => fit.kind === 'fewer_hours');
  const window = fits
    .filter((fit) => fit.kind === 'stretched_window' || fit.kind === 'shifted_window')
    .reduce<NearestFit | undefined>((best, fit) => (!best || Math.abs(fit.change.workingDaysMoved!) < Math.abs(best.change.workingDaysMoved!) ? fit : best), undefined);
  const split = fits.find((fit) => fit.kind === 'split');
  const language = fits.find((fit) => fit.kind === 'other_language');
  return {
    requestedHours: context.estimatedHours,
    availableProfessionals,
    ...(fewer ? { hoursPossibleNow: fewer.parts[0].hours } : {}),
    ...(window
      ? { allHoursWindow: { kind: window.kind as 'stretched_window' | 'shifted_window', startDate: window.change.startDate ?? context.startDate, endDate: window.change.endDate! } }
      : {}),
    ...(split ? { splitHours: split.parts.map((part) => part.hours) } : {}),
    ...(language ? { otherLanguage: language.change.language } : {}),
  };
}

const SUMMARY: Record<LanguageCode, { lead: (g: NearestFitsGist) => string; options: (g: NearestFitsGist) => string[]; nothing: string }> = {
  fr: {
    lead: (g) =>
      g.availableProfessionals === 0
        ? `Personne pour ${formatHours(g.requestedHours)}`
        : `${g.availableProfessionals} ${plural(g.availableProfessionals, 'personne libre', 'personnes libres')} pour les ${formatHours(g.requestedHours)}`,
    options: (g) => [
      ...(g.hoursPossibleNow !== undefined ? [`${formatHours(g.hoursPossibleNow)} ${g.hoursPossibleNow >= 2 ? 'sont possibles' : 'est possible'} dès maintenant`] : []),
      ...(g.allHoursWindow
        ? [
            g.allHoursWindow.kind === 'stretched_window'
              ? `les ${formatHours(g.requestedHours)} si la période se termine le ${formatDate(g.allHoursWindow.endDate, 'fr')}`
              : `les ${formatHours(g.requestedHours)} du ${formatDate(g.allHoursWindow.startDate, 'fr')} au ${formatDate(g.allHoursWindow.endDate, 'fr')}`,
          ]
        : []),
      ...(g.splitHours ? [`les ${formatHours(g.requestedHours)} à deux (${g.splitHours.map(formatHours).join(' + ')})`] : []),
      ...(g.otherLanguage ? [`quelqu’un de libre travaille en ${LANGUAGE_NAMES.fr[g.otherLanguage]} (la langue est une contrainte stricte)`] : []),
    ],
    nothing: 'aucun petit changement ne libère quelqu’un',
  },
  en: {
    lead: (g) =>
      g.availableProfessionals === 0
        ? `Nobody for ${formatHours(g.requestedHours)}`
        : `${g.availableProfessionals} ${plural(g.availableProfessionals, 'professional', 'professionals')} free for all ${formatHours(g.requestedHours)}`,
    options: (g) => [
      ...(g.hoursPossibleNow !== undefined ? [`${formatHours(g.hoursPossibleNow)} ${g.hoursPossibleNow === 1 ? 'is' : 'are'} possible now`] : []),
      ...(g.allHoursWindow
        ? [
            g.allHoursWindow.kind === 'stretched_window'
              ? `all ${formatHours(g.requestedHours)} if the window ends on ${formatDate(g.allHoursWindow.endDate, 'en')}`
              : `all ${formatHours(g.requestedHours)} from ${formatDate(g.allHoursWindow.startDate, 'en')} to ${formatDate(g.allHoursWindow.endDate, 'en')}`,
          ]
        : []),
      ...(g.splitHours ? [`all ${formatHours(g.requestedHours)} shared by two (${g.splitHours.map(formatHours).join(' + ')})`] : []),
      ...(g.otherLanguage ? [`someone free works in ${LANGUAGE_NAMES.en[g.otherLanguage]} (the language is a hard constraint)`] : []),
    ],
    nothing: 'no small change frees anyone',
  },
};

/** "Nobody for 30 h; 24 h are possible now; all 30 h if the window ends on March 19, 2027". */
export function summaryText(gist: NearestFitsGist, lang: LanguageCode): string {
  const { lead, options, nothing } = SUMMARY[lang];
  const said = options(gist);
  return [lead(gist), ...(said.length > 0 ? said : [nothing])].join(lang === 'fr' ? ' ; ' : '; ');
}
