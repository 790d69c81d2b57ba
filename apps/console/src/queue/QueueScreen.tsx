import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Field } from '../ui/Field';
import { Empty, Loading } from '../ui/states';
import { useFormat, useMembers, useTaxonomy } from '../ui/hooks';
import { UrgencyBadge, StatusBadge } from '../requests/badges';
import { buildQueue, countByKind, QUEUE_KINDS, queueKind, type QueueFilters, type ServiceRequest } from './queue';
import { DomainOptions, MemberOptions, UrgencyOptions } from '../ui/options';

export const QUEUE_POLL_MS = 5_000;

/** The requests that need a coordinator, refreshed every few seconds. */
export default function QueueScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const taxonomy = useTaxonomy();
  const members = useMembers();
  const [filters, setFilters] = useState<QueueFilters>({});
  // One call per status the queue is made of; a request re-matching after a decline is `submitted`.
  const queue = useQuery({
    queryKey: ['queue'],
    queryFn: async (): Promise<ServiceRequest[]> => {
      const pages = await Promise.all(
        (['pending_review', 'unmatched', 'submitted'] as const).map((status) => call(api.GET('/v1/requests', { params: { query: { status, limit: 200 } } }))),
      );
      return pages.flatMap((page) => page.items);
    },
    refetchInterval: QUEUE_POLL_MS,
  });
  const all = useMemo(() => buildQueue(queue.data ?? []), [queue.data]);
  const shown = useMemo(() => buildQueue(queue.data ?? [], filters), [queue.data, filters]);
  const counts = countByKind(all);
  const memberName = (id: string) => members.data?.items.find((member) => member.id === id)?.name ?? id.slice(0, 8);
  const set = (patch: Partial<QueueFilters>) => setFilters((current) => ({ ...current, ...patch }));

  return (
    <section>
      <h1>{t('queue.title')}</h1>
      <ul className="counts" aria-label={t('queue.counts')}>
        {QUEUE_KINDS.map((kind) => (
          <li key={kind}>
            <button type="button" aria-pressed={filters.kind === kind} onClick={() => set({ kind: filters.kind === kind ? undefined : kind })}>
              <span className="count">{counts[kind]}</span> {t(`queue.kind.${kind}`)}
            </button>
          </li>
        ))}
      </ul>
      <form className="filters" role="search" aria-label={t('queue.filters')} onSubmit={(event) => event.preventDefault()}>
        <Field label={t('queue.status')}>
          <select value={filters.kind ?? ''} onChange={(event) => set({ kind: (event.target.value || undefined) as QueueFilters['kind'] })}>
            <option value="">{t('common.all')}</option>
            {QUEUE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`queue.kind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('request.domain')}>
          <select value={filters.domain ?? ''} onChange={(event) => set({ domain: event.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            <DomainOptions />
          </select>
        </Field>
        <Field label={t('request.member')}>
          <select value={filters.memberId ?? ''} onChange={(event) => set({ memberId: event.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            <MemberOptions members={members.data?.items} />
          </select>
        </Field>
        <Field label={t('request.urgency')}>
          <select value={filters.urgency ?? ''} onChange={(event) => set({ urgency: (event.target.value || undefined) as QueueFilters['urgency'] })}>
            <option value="">{t('common.all')}</option>
            <UrgencyOptions />
          </select>
        </Field>
      </form>
      {queue.error && <ProblemMessage error={queue.error} />}
      {queue.isPending ? (
        <Loading />
      ) : shown.length === 0 ? (
        <Empty>{all.length === 0 ? t('queue.empty') : t('queue.noneMatch')}</Empty>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t('queue.caption', { count: shown.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('request.urgency')}</th>
              <th scope="col">{t('request.title')}</th>
              <th scope="col">{t('request.member')}</th>
              <th scope="col">{t('request.domain')}</th>
              <th scope="col">{t('request.window')}</th>
              <th scope="col">{t('request.hours')}</th>
              <th scope="col">{t('queue.status')}</th>
              <th scope="col" className="secondary">
                {t('queue.waitingSince')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((request) => (
              <tr key={request.id}>
                <td>
                  <UrgencyBadge urgency={request.urgency} />
                </td>
                <td className="title">
                  <Link to={`/requests/${request.id}`}>{request.title}</Link>
                </td>
                <td>{memberName(request.memberId)}</td>
                <td>{taxonomy.domainLabel(request.domain)}</td>
                <td>
                  {format.date(request.startDate)} – {format.date(request.endDate)}
                </td>
                <td className="number">{format.hours(request.estimatedHours)}</td>
                <td>{queueKind(request) === 'rematching' ? <span className="status status--submitted">{t('queue.kind.rematching')}</span> : <StatusBadge status={request.status} />}</td>
                <td className="secondary">{format.dateTime(request.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {queue.dataUpdatedAt > 0 && (
        <p className="muted small">{t('queue.refreshed', { time: format.dateTime(new Date(queue.dataUpdatedAt).toISOString()) })}</p>
      )}
    </section>
  );
}
