import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { useFormat, useTaxonomy } from '../ui/hooks';
import { StatusBadge, UrgencyBadge } from './badges';

type ServiceRequest = Schemas['ServiceRequestView'];

/** What the request asks for, and where it stands. */
export function Facts({
  request,
  memberName,
  professionalName,
  nameOf,
}: {
  request: ServiceRequest;
  memberName?: string;
  professionalName?: string;
  /** Names the professionals of a shared request's parts. */
  nameOf?: (professionalId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const taxonomy = useTaxonomy();
  return (
    <dl className="facts">
      <div>
        <dt>{t('request.status')}</dt>
        <dd>
          <StatusBadge status={request.status} />
          {request.statusReason && <span className="muted"> — {request.statusReason}</span>}
        </dd>
      </div>
      {memberName && (
        <div>
          <dt>{t('request.member')}</dt>
          <dd>{memberName}</dd>
        </div>
      )}
      <div>
        <dt>{t('request.domain')}</dt>
        <dd>{taxonomy.domainLabel(request.domain)}</dd>
      </div>
      <div>
        <dt>{t('request.window')}</dt>
        <dd>
          {format.date(request.startDate)} – {format.date(request.endDate)}
        </dd>
      </div>
      <div>
        <dt>{t('request.hours')}</dt>
        <dd>{format.hours(request.estimatedHours)}</dd>
      </div>
      <div>
        <dt>{t('request.urgency')}</dt>
        <dd>
          <UrgencyBadge urgency={request.urgency} />
        </dd>
      </div>
      <div>
        <dt>{t('request.language')}</dt>
        <dd>{t(`language.${request.language}`)}</dd>
      </div>
      <div>
        <dt>{t('request.region')}</dt>
        <dd>
          {request.region} · {request.onSite ? t('request.onSite') : t('request.remote')}
        </dd>
      </div>
      <div>
        <dt>{t('request.autoAssign')}</dt>
        <dd>{request.autoAssign ? t('common.yes') : t('common.no')}</dd>
      </div>
      <div>
        <dt>{t('request.submitted')}</dt>
        <dd>{format.dateTime(request.createdAt)}</dd>
      </div>
      {request.assignment && (
        <div className="facts__assignment">
          <dt>{t('request.assignment')}</dt>
          <dd data-testid="assignment">
            {request.assignment.parts ? (
              <>
                {t('request.shared')}:{' '}
                {request.assignment.parts.map((part) => `${nameOf?.(part.professionalId) ?? t('request.aProfessional')} ${format.hours(part.hours)}`).join(' + ')} ·{' '}
              </>
            ) : (
              <>{professionalName ?? t('request.aProfessional')} · </>
            )}
            {format.hours(request.assignment.hours)} · {format.money(request.assignment.estimatedCost)} · {request.assignment.automatic ? t('history.automatic') : t('history.byCoordinator')}
          </dd>
        </div>
      )}
      <div className="facts__description">
        <dt>{t('request.description')}</dt>
        <dd>{request.description}</dd>
      </div>
    </dl>
  );
}
