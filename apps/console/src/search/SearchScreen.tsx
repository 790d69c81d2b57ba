import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../api/client';
import { ApiProblem } from '../api/problem';
import { CandidateList, ExcludedList } from '../requests/CandidateList';
import { Field } from '../ui/Field';
import { compact, numberOrText, text } from '../ui/form';
import { ProblemMessage } from '../ui/ProblemMessage';
import { DomainOptions, LanguageOptions, SectorOptions } from '../ui/options';

interface SearchValues {
  domain: string;
  startDate: string;
  endDate: string;
  hours: string;
  language: string;
  sector: string;
  region: string;
  onSite: boolean;
  text: string;
}

const EMPTY: SearchValues = { domain: '', startDate: '', endDate: '', hours: '', language: 'fr', sector: '', region: '', onSite: false, text: '' };

/** "Who would fit?" without a request: the same ranking and explanations. */
export default function SearchScreen() {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<SearchValues>(EMPTY);
  const set = <K extends keyof SearchValues>(key: K, value: SearchValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const search = useMutation({
    mutationKey: ['search'],
    mutationFn: (_language: string) =>
      call(
        api.POST('/v1/matches/search', {
          body: compact({
            domain: text(values.domain),
            startDate: text(values.startDate),
            endDate: text(values.endDate),
            hours: numberOrText(values.hours),
            language: text(values.language),
            sector: text(values.sector),
            region: text(values.region),
            onSite: values.onSite || undefined,
            text: text(values.text),
            explainExcluded: true,
            limit: 20,
          }) as Schemas['MatchSearchBody'],
        }),
      ),
  });
  const errors = search.error instanceof ApiProblem ? search.error.fieldErrors : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    search.mutate(i18n.language);
  };
  // Reasons are worded by the API: when the language changes, the search shown is asked again in it.
  const { mutate, variables, isSuccess } = search;
  useEffect(() => {
    if (isSuccess && variables !== undefined && variables !== i18n.language) mutate(i18n.language);
  }, [i18n.language, isSuccess, variables, mutate]);

  return (
    <section>
      <h1>{t('search.title')}</h1>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t('search.title')}>
        <div className="row">
          <Field label={t('request.domain')} error={errors.domain}>
            <select value={values.domain} onChange={(event) => set('domain', event.target.value)}>
              <option value="">{t('common.choose')}</option>
              <DomainOptions />
            </select>
          </Field>
          <Field label={t('request.startDate')} error={errors.startDate}>
            <input type="date" value={values.startDate} onChange={(event) => set('startDate', event.target.value)} />
          </Field>
          <Field label={t('request.endDate')} error={errors.endDate}>
            <input type="date" value={values.endDate} onChange={(event) => set('endDate', event.target.value)} />
          </Field>
          <Field label={t('request.hours')} error={errors.hours}>
            <input type="number" inputMode="decimal" min={0.5} step={0.5} value={values.hours} onChange={(event) => set('hours', event.target.value)} />
          </Field>
        </div>
        <div className="row">
          <Field label={t('request.language')} error={errors.language}>
            <select value={values.language} onChange={(event) => set('language', event.target.value)}>
              <LanguageOptions />
            </select>
          </Field>
          <Field label={t('search.sector')} error={errors.sector}>
            <select value={values.sector} onChange={(event) => set('sector', event.target.value)}>
              <option value="">{t('common.any')}</option>
              <SectorOptions />
            </select>
          </Field>
          <Field label={t('request.region')} error={errors.region}>
            <input value={values.region} onChange={(event) => set('region', event.target.value)} placeholder="montreal" />
          </Field>
        </div>
        <Field label={t('search.text')} error={errors.text} hint={t('search.textHint')}>
          <input value={values.text} onChange={(event) => set('text', event.target.value)} />
        </Field>
        <div className="checkbox">
          <input id="search-on-site" type="checkbox" checked={values.onSite} onChange={(event) => set('onSite', event.target.checked)} />
          <label htmlFor="search-on-site">{t('request.onSiteRequired')}</label>
        </div>
        <ProblemMessage error={search.error} />
        <button type="submit" className="primary" disabled={search.isPending}>
          {search.isPending ? t('common.working') : t('search.submit')}
        </button>
      </form>
      {search.data && (
        <>
          <section aria-labelledby="results-title">
            <h2 id="results-title">{t('search.results')}</h2>
            <CandidateList candidates={search.data.candidates} />
          </section>
          <section aria-labelledby="search-excluded-title">
            <h2 id="search-excluded-title">{t('request.excluded')}</h2>
            <ExcludedList excluded={search.data.excluded ?? []} />
          </section>
        </>
      )}
    </section>
  );
}
