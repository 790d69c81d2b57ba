/**
 * Demo data: the member federations and networks of the consortium. Names are plausible but
 * fictional; e-mail addresses use the reserved `.example` top-level domain.
 */
import type { CoopSectorCode, LanguageCode } from '../../libs/contracts/src/taxonomy/index.js';

/** The fields of a member federation (POST /v1/members). */
export interface DemoMember {
  name: string;
  sector: CoopSectorCode;
  language: LanguageCode;
  region: string;
  contactEmail: string;
  /** Whether the consortium may assign a professional without a coordinator's review. */
  autoAssign: boolean;
}

export const DEMO_MEMBERS: readonly DemoMember[] = [
  {
    name: "Fédération des coopératives d'habitation de la Capitale",
    sector: 'housing',
    language: 'fr',
    region: 'quebec',
    contactEmail: 'direction@fch-capitale.example',
    autoAssign: false,
  },
  {
    name: 'Réseau des coopératives funéraires du Québec',
    sector: 'funeral',
    language: 'fr',
    region: 'montreal',
    contactEmail: 'info@reseau-funeraire.example',
    autoAssign: true,
  },
  {
    name: "Fédération des coopératives en milieu scolaire de l'Est",
    sector: 'school',
    language: 'fr',
    region: 'quebec',
    contactEmail: 'secretariat@fcms-est.example',
    autoAssign: true,
  },
  {
    name: "Regroupement des coopératives d'alimentation de l'Estrie",
    sector: 'food',
    language: 'fr',
    region: 'estrie',
    contactEmail: 'coordination@rca-estrie.example',
    autoAssign: false,
  },
  {
    name: "Fédération des coopératives de services à domicile des Laurentides",
    sector: 'home-care',
    language: 'fr',
    region: 'laurentides',
    contactEmail: 'direction@fcsd-laurentides.example',
    autoAssign: true,
  },
  {
    name: 'Réseau québécois des coopératives de travail',
    sector: 'worker',
    language: 'fr',
    region: 'montreal',
    contactEmail: 'bonjour@rqct.example',
    autoAssign: false,
  },
  {
    name: 'Alliance des coopératives forestières du Saguenay–Lac-Saint-Jean',
    sector: 'forestry',
    language: 'fr',
    region: 'saguenay',
    contactEmail: 'info@acf-saglac.example',
    autoAssign: true,
  },
  {
    name: 'Quebec Network of Community Health Co-operatives',
    sector: 'health',
    language: 'en',
    region: 'montreal',
    contactEmail: 'office@qnchc.example',
    autoAssign: false,
  },
];
