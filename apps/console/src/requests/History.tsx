import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { Empty } from '../ui/states';
import { useFormat } from '../ui/hooks';

type Entry = Schemas['RequestHistoryEntry'];

/** Every step of the request's life, oldest first. */
export function History({ entries, professionalName }: { entries: Entry[]; professionalName: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (entries.length === 0) return <Empty>{t('history.empty')}</Empty>;
  return (
    <ol className="history">
      {entries.map((entry, index) => {
        // A shared assignment names every part, with its hours.
        const who = entry.parts
          ? entry.parts.map((part) => `${professionalName(part.professionalId) ?? t('request.aProfessional')} ${format.hours(part.hours)}`).join(' + ')
          : entry.professionalId
            ? professionalName(entry.professionalId)
            : undefined;
        return (
          <li key={`${entry.occurredAt}-${index}`} className={`history__entry history__entry--${entry.type}`}>
            <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
            <strong>{t(`history.type.${entry.type}`)}</strong>
            <span>
              {entry.type === 'pending_review' && entry.availableCandidates !== undefined && t('history.candidates', { count: entry.availableCandidates })}
              {entry.type === 'assigned' &&
                [
                  who && t('history.to', { name: who }),
                  entry.automatic ? t('history.automatic') : t('history.byCoordinator'),
                  entry.replacesAssignmentId && t('history.replaces'),
                  entry.hours !== undefined && format.hours(entry.hours),
                  entry.cost !== undefined && format.money(entry.cost),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              {entry.type === 'declined' && who && t('history.by', { name: who })}
              {entry.type === 'completed' && [who && t('history.by', { name: who }), entry.hours !== undefined && t('history.spent', { hours: format.hours(entry.hours) }), entry.cost !== undefined && format.money(entry.cost)].filter(Boolean).join(' · ')}
            </span>
            {entry.reason && <q className="history__reason">{entry.reason}</q>}
          </li>
        );
      })}
    </ol>
  );
}
