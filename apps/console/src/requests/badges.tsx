import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';

export function StatusBadge({ status }: { status: Schemas['ServiceRequestView']['status'] }) {
  const { t } = useTranslation();
  return <span className={`status status--${status}`}>{t(`status.${status}`)}</span>;
}

export function UrgencyBadge({ urgency }: { urgency: Schemas['ServiceRequestView']['urgency'] }) {
  const { t } = useTranslation();
  return <span className={`urgency urgency--${urgency}`}>{t(`urgency.${urgency}`)}</span>;
}
