import { useTranslation } from 'react-i18next';
import { useTaxonomy } from './hooks';

// The <option>s every form and filter shares, in the chosen language.

export function DomainOptions() {
  const taxonomy = useTaxonomy();
  return taxonomy.domains.map((domain) => (
    <option key={domain.code} value={domain.code}>
      {domain.label}
    </option>
  ));
}

export function SectorOptions() {
  const taxonomy = useTaxonomy();
  return taxonomy.sectors.map((sector) => (
    <option key={sector.code} value={sector.code}>
      {sector.label}
    </option>
  ));
}

export function LanguageOptions() {
  const { t } = useTranslation();
  return (['fr', 'en'] as const).map((language) => (
    <option key={language} value={language}>
      {t(`language.${language}`)}
    </option>
  ));
}

/** Most urgent first, as the queue sorts them. */
export const URGENCIES = ['critical', 'high', 'normal', 'low'] as const;

export function UrgencyOptions() {
  const { t } = useTranslation();
  return URGENCIES.map((urgency) => (
    <option key={urgency} value={urgency}>
      {t(`urgency.${urgency}`)}
    </option>
  ));
}

/** The members a coordinator may pick (as `useMembers` lists them), by name. */
export function MemberOptions({ members }: { members: ReadonlyArray<{ id: string; name: string }> | undefined }) {
  return (members ?? []).map((member) => (
    <option key={member.id} value={member.id}>
      {member.name}
    </option>
  ));
}
