import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { Field } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Empty, Loading } from '../ui/states';
import { useFormat, useTaxonomy } from '../ui/hooks';
import { StatusBadge, UrgencyBadge } from './badges';

type Status = Schemas['ServiceRequestView']['status'];
const STATUSES: Status[] = ['submitted', 'pending_review', 'assigned', 'unmatched', 'completed', 'cancelled'];

/** A partner's requests (the API shows it its own member's only), newest first. */
export default function PartnerRequestsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const taxonomy = useTaxonomy();
  const [status, setStatus] = useState<Status | ''>('');
  const requests = useQuery({
    queryKey: ['requests', status],
    queryFn: () => call(api.GET('/v1/requests', { params: { query: { limit: 100, ...(status ? { status } : {}) } } })),
    refetchInterval: 10_000,
  });
  return (
    <section>
      <div className="page-head">
        <h1>{t('partnerRequests.title')}</h1>
        <Link className="button primary" to="/requests/new">
          {t('nav.newRequest')}
        </Link>
      </div>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <Field label={t('request.status')}>
          <select value={status} onChange={(event) => setStatus(event.target.value as Status | '')}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <ProblemMessage error={requests.error} />
      {requests.isPending ? (
        <Loading />
      ) : !requests.data || requests.data.items.length === 0 ? (
        <Empty>{t('partnerRequests.empty')}</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('request.title')}</th>
              <th scope="col">{t('request.domain')}</th>
              <th scope="col">{t('request.window')}</th>
              <th scope="col">{t('request.hours')}</th>
              <th scope="col">{t('request.urgency')}</th>
              <th scope="col">{t('request.status')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.data.items.map((request) => (
              <tr key={request.id}>
                <td className="title">
                  <Link to={`/requests/${request.id}`}>{request.title}</Link>
                </td>
                <td>{taxonomy.domainLabel(request.domain)}</td>
                <td>
                  {format.date(request.startDate)} – {format.date(request.endDate)}
                </td>
                <td className="number">{format.hours(request.estimatedHours)}</td>
                <td>
                  <UrgencyBadge urgency={request.urgency} />
                </td>
                <td>
                  <StatusBadge status={request.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
