/**
 * Demo data: service requests submitted by the demo members. Dates are relative to the day the demo
 * is loaded (`startInDays` from today, lasting `durationDays`), so the demo never goes stale.
 * Includes the two stories the system was built for: the housing federation's by-law problem and the
 * event coordinator who quits two weeks before the annual congress.
 */
import type {
  ExpertiseDomainCode,
  LanguageCode,
  Urgency,
} from '../../libs/contracts/src/taxonomy/index.js';

export interface DemoRequest {
  title: string;
  description: string;
  domain: ExpertiseDomainCode;
  estimatedHours: number;
  urgency: Urgency;
  language: LanguageCode;
  region: string;
  onSite: boolean;
  /** Index of the requesting member in DEMO_MEMBERS. */
  memberIndex: number;
  /** First day of the request window, in days from the day the demo is loaded. */
  startInDays: number;
  /** Length of the request window in days (end date = start + durationDays). */
  durationDays: number;
  /** Per-request override of the member's autoAssign policy; absent means the member's policy. */
  autoAssign?: boolean;
}

export const DEMO_REQUESTS: readonly DemoRequest[] = [
  {
    title: "Règlements généraux types : analyse d'un jugement sur l'admission des membres",
    description:
      "Un jugement récent remet en question l'article de nos règlements généraux types portant sur les conditions d'admission et d'exclusion des membres. Une quarantaine de coopératives d'habitation membres utilisent ce modèle. Nous cherchons un conseiller juridique qui connaît la Loi sur les coopératives pour analyser la portée du jugement, proposer un libellé révisé et préparer la présentation aux assemblées générales extraordinaires.",
    domain: 'legal',
    estimatedHours: 60,
    urgency: 'high',
    language: 'fr',
    region: 'quebec',
    onSite: false,
    memberIndex: 0,
    startInDays: 3,
    durationDays: 42,
  },
  {
    title: "Remplacement urgent de la coordonnatrice du congrès annuel et de l'AGA",
    description:
      "Notre coordonnatrice d'événements vient de quitter ses fonctions, à deux semaines de notre congrès annuel et de notre assemblée générale annuelle (environ 250 délégués). Il faut reprendre immédiatement la logistique : inscriptions, salle et traiteur, fournisseurs, programme et accueil des délégués. Une personne d'expérience, capable d'être sur place pendant le congrès, est essentielle.",
    domain: 'events',
    estimatedHours: 60,
    urgency: 'critical',
    language: 'fr',
    region: 'quebec',
    onSite: true,
    memberIndex: 2,
    startInDays: 1,
    durationDays: 14,
  },
  {
    title: 'Campagne de recrutement de membres pour les coopératives funéraires',
    description:
      "Nous voulons lancer une campagne provinciale pour faire connaître les avantages de l'adhésion à une coopérative funéraire, surtout auprès des 45-65 ans. Le mandat comprend le plan marketing, les messages clés, le choix des médias et le suivi des résultats avec nos coopératives membres.",
    domain: 'marketing',
    estimatedHours: 80,
    urgency: 'normal',
    language: 'fr',
    region: 'montreal',
    onSite: false,
    memberIndex: 1,
    startInDays: 21,
    durationDays: 60,
  },
  {
    title: 'Refonte du site web et du portail des membres',
    description:
      "Notre site date de 2016 et n'est pas accessible sur mobile. Nous souhaitons un nouveau site WordPress avec un portail réservé aux membres (documents d'assemblée, formulaire d'adhésion en ligne) respectant les normes d'accessibilité.",
    domain: 'web',
    estimatedHours: 150,
    urgency: 'normal',
    language: 'fr',
    region: 'montreal',
    onSite: false,
    memberIndex: 5,
    startInDays: 30,
    durationDays: 90,
  },
  {
    title: 'Politique de prévention du harcèlement et mise à jour de la grille salariale',
    description:
      "Plusieurs coopératives de services à domicile de notre réseau doivent mettre à jour leur politique de prévention du harcèlement psychologique et revoir leur grille salariale pour les préposées. Nous avons besoin d'un accompagnement en ressources humaines pour produire un modèle commun et l'adapter à chaque coopérative.",
    domain: 'hr',
    estimatedHours: 40,
    urgency: 'high',
    language: 'fr',
    region: 'laurentides',
    onSite: false,
    memberIndex: 4,
    startInDays: 7,
    durationDays: 28,
  },
  {
    title: "Formation des nouveaux administrateurs des coopératives forestières",
    description:
      "Après nos assemblées générales, une vingtaine de nouveaux administrateurs siègent aux conseils de nos coopératives. Nous souhaitons une journée de formation en personne à Chicoutimi sur les rôles et responsabilités des administrateurs et les principes coopératifs.",
    domain: 'governance',
    estimatedHours: 24,
    urgency: 'low',
    language: 'fr',
    region: 'saguenay',
    onSite: true,
    memberIndex: 6,
    startInDays: 45,
    durationDays: 30,
  },
  {
    title: 'French translation of our by-laws and annual report',
    description:
      'Our network must file French versions of its amended by-laws and publish its annual report in both languages before the annual general meeting. We need an experienced translator familiar with co-operative terminology to translate about 18,000 words into French and review the final layout.',
    domain: 'translation',
    estimatedHours: 35,
    urgency: 'normal',
    language: 'en',
    region: 'montreal',
    onSite: false,
    memberIndex: 7,
    startInDays: 10,
    durationDays: 21,
  },
  {
    title: 'États financiers et calcul des ristournes de fin d\'exercice',
    description:
      "Trois coopératives funéraires de notre réseau ont besoin d'aide pour préparer leurs états financiers de fin d'exercice et calculer les ristournes à verser aux membres, en tenant compte de la réserve impartageable.",
    domain: 'accounting',
    estimatedHours: 50,
    urgency: 'normal',
    language: 'fr',
    region: 'montreal',
    onSite: false,
    memberIndex: 1,
    startInDays: 14,
    durationDays: 30,
  },
  {
    title: "Demande de financement pour l'agrandissement d'un marché coopératif",
    description:
      "Une coopérative d'alimentation de Sherbrooke veut agrandir son marché et cherche du financement auprès des programmes d'économie sociale et des fondations. Il faut monter le dossier de demande de subvention et le budget de projet avant la date limite du programme.",
    domain: 'funding',
    estimatedHours: 30,
    urgency: 'high',
    language: 'fr',
    region: 'estrie',
    onSite: false,
    memberIndex: 3,
    startInDays: 5,
    durationDays: 21,
    autoAssign: true,
  },
  {
    title: 'Évaluation de conformité à la Loi 25 et sécurité informatique',
    description:
      "Nos coopératives en milieu scolaire conservent des renseignements personnels d'élèves et de parents. Nous voulons une évaluation de la sécurité de nos systèmes et de notre conformité à la Loi 25, avec un plan d'action priorisé.",
    domain: 'it',
    estimatedHours: 45,
    urgency: 'normal',
    language: 'fr',
    region: 'quebec',
    onSite: false,
    memberIndex: 2,
    startInDays: 20,
    durationDays: 45,
  },
];
