export {
  EXPERTISE_DOMAIN_CODES,
  EXPERTISE_DOMAINS,
  isExpertiseDomainCode,
  type ExpertiseDomain,
  type ExpertiseDomainCode,
} from './expertise-domains.js';
export {
  COOP_SECTOR_CODES,
  COOP_SECTORS,
  isCoopSectorCode,
  type CoopSector,
  type CoopSectorCode,
} from './coop-sectors.js';
export { LANGUAGE_CODES, isLanguageCode, type LanguageCode } from './languages.js';
export { URGENCY_LEVELS, isUrgency, type Urgency } from './urgency.js';
