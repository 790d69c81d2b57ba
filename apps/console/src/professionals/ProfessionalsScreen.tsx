import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { Field } from '../ui/Field';
import { compact, text } from '../ui/form';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Empty, Loading } from '../ui/states';
import { useFormat, useTaxonomy } from '../ui/hooks';
import { DomainOptions, LanguageOptions } from '../ui/options';

interface Filters {
  q: string;
  domain: string;
  language: string;
  region: string;
  active: '' | 'true' | 'false';
}

/** The consortium's professionals, with filters and a search over name, email, skills and bio. */
export default function ProfessionalsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const taxonomy = useTaxonomy();
  const [filters, setFilters] = useState<Filters>({ q: '', domain: '', language: '', region: '', active: 'true' });
  const deferred = useDeferredValue(filters);
  const set = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));
  const professionals = useQuery({
    queryKey: ['professionals', deferred],
    queryFn: () =>
      call(
        api.GET('/v1/professionals', {
          params: {
            query: compact({
              limit: 200,
              q: text(deferred.q),
              domain: text(deferred.domain) as never,
              language: text(deferred.language) as never,
              region: text(deferred.region),
              active: deferred.active === '' ? undefined : deferred.active === 'true',
            }),
          },
        }),
      ),
    placeholderData: (previous) => previous,
  });

  return (
    <section>
      <div className="page-head">
        <h1>{t('professionals.title')}</h1>
        <Link className="button primary" to="/professionals/new">
          {t('professionals.add')}
        </Link>
      </div>
      <form className="filters" role="search" aria-label={t('professionals.filters')} onSubmit={(event) => event.preventDefault()}>
        <Field label={t('professionals.search')}>
          <input type="search" value={filters.q} onChange={(event) => set({ q: event.target.value })} />
        </Field>
        <Field label={t('request.domain')}>
          <select value={filters.domain} onChange={(event) => set({ domain: event.target.value })}>
            <option value="">{t('common.all')}</option>
            <DomainOptions />
          </select>
        </Field>
        <Field label={t('request.language')}>
          <select value={filters.language} onChange={(event) => set({ language: event.target.value })}>
            <option value="">{t('common.all')}</option>
            <LanguageOptions />
          </select>
        </Field>
        <Field label={t('request.region')}>
          <input value={filters.region} onChange={(event) => set({ region: event.target.value })} placeholder="montreal" />
        </Field>
        <Field label={t('professionals.activeFilter')}>
          <select value={filters.active} onChange={(event) => set({ active: event.target.value as Filters['active'] })}>
            <option value="true">{t('professionals.activeOnly')}</option>
            <option value="false">{t('professionals.inactiveOnly')}</option>
            <option value="">{t('common.all')}</option>
          </select>
        </Field>
      </form>
      <ProblemMessage error={professionals.error} />
      {professionals.isPending ? (
        <Loading />
      ) : !professionals.data || professionals.data.items.length === 0 ? (
        <Empty>{t('professionals.empty')}</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('professionals.name')}</th>
              <th scope="col">{t('professionals.domains')}</th>
              <th scope="col">{t('professionals.languages')}</th>
              <th scope="col">{t('request.region')}</th>
              <th scope="col">{t('professionals.capacity')}</th>
              <th scope="col">{t('professionals.costRate')}</th>
              <th scope="col">{t('professionals.active')}</th>
            </tr>
          </thead>
          <tbody>
            {professionals.data.items.map((professional) => (
              <tr key={professional.id}>
                <td>
                  <Link to={`/professionals/${professional.id}`}>{professional.fullName}</Link>
                </td>
                <td>{professional.domains.map((domain) => `${taxonomy.domainLabel(domain.code)} (${domain.level})`).join(', ')}</td>
                <td>{professional.languages.join(', ')}</td>
                <td>{professional.region}</td>
                <td className="number">{format.hours(professional.weeklyCapacityHours)}</td>
                <td className="number">{format.money(professional.costRate)}</td>
                <td>{professional.active ? t('common.yes') : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
