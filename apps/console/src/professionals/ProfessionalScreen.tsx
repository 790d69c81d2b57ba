import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { Field } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Loading } from '../ui/states';
import { useTaxonomy } from '../ui/hooks';
import { EMPTY_PROFILE, profileBody, profileValues, type ProfileFormValues } from './profile-form';
import { TimeOffSection } from './TimeOffSection';
import { DomainOptions } from '../ui/options';

/** Create a profile (no id) or edit one; every message comes from the API, next to its field. */
export default function ProfessionalScreen() {
  const { id } = useParams();
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProfileFormValues>(EMPTY_PROFILE);
  const [saved, setSaved] = useState(false);
  const existing = useQuery({
    queryKey: ['professional', id],
    queryFn: () => call(api.GET('/v1/professionals/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  useEffect(() => {
    if (existing.data) setValues(profileValues(existing.data));
  }, [existing.data]);

  const save = useMutation({
    mutationFn: () =>
      id
        ? call(api.PATCH('/v1/professionals/{id}', { params: { path: { id } }, body: profileBody(values) }))
        : call(api.POST('/v1/professionals', { body: profileBody(values) })),
    onSuccess: async (professional) => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['professionals'] });
      queryClient.setQueryData(['professional', professional.id], professional);
      if (!id) void navigate(`/professionals/${professional.id}`, { replace: true });
    },
  });
  const errors = save.error instanceof ApiProblem ? save.error.fieldErrors : {};
  const set = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) => {
    setSaved(false);
    setValues((current) => ({ ...current, [key]: value }));
  };
  const setDomain = (index: number, patch: Partial<ProfileFormValues['domains'][number]>) =>
    set(
      'domains',
      values.domains.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    );
  const toggle = (key: 'languages' | 'coopSectors', code: string, on: boolean) =>
    set(key, on ? [...values[key], code] : values[key].filter((value) => value !== code));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  if (id && existing.isPending) return <Loading />;
  if (id && existing.error) return <ProblemMessage error={existing.error} />;

  return (
    <section>
      <p>
        <Link to="/professionals">← {t('professionals.title')}</Link>
      </p>
      <h1>{id ? values.fullName || t('professionals.edit') : t('professionals.add')}</h1>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={id ? t('professionals.edit') : t('professionals.add')}>
        <div className="row">
          <Field label={t('professionals.name')} error={errors.fullName}>
            <input value={values.fullName} onChange={(event) => set('fullName', event.target.value)} required />
          </Field>
          <Field label={t('professionals.email')} error={errors.email}>
            <input type="email" value={values.email} onChange={(event) => set('email', event.target.value)} required />
          </Field>
        </div>
        <fieldset>
          <legend>{t('professionals.domains')}</legend>
          {errors.domains && <p className="field-error">{errors.domains}</p>}
          {values.domains.map((row, index) => (
            <div className="row domain-row" key={index}>
              <Field label={t('request.domain')} error={errors[`domains.${index}.code`]}>
                <select value={row.code} onChange={(event) => setDomain(index, { code: event.target.value })}>
                  <option value="">{t('common.choose')}</option>
                  <DomainOptions />
                </select>
              </Field>
              <Field label={t('professionals.level')} error={errors[`domains.${index}.level`]}>
                <input type="number" min={1} max={5} value={row.level} onChange={(event) => setDomain(index, { level: event.target.value })} />
              </Field>
              <Field label={t('professionals.years')} error={errors[`domains.${index}.years`]}>
                <input type="number" min={0} max={60} value={row.years} onChange={(event) => setDomain(index, { years: event.target.value })} />
              </Field>
              <button type="button" onClick={() => set('domains', values.domains.filter((_, i) => i !== index))} aria-label={t('professionals.removeDomain', { n: index + 1 })}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set('domains', [...values.domains, { code: '', level: '3', years: '' }])}>
            {t('professionals.addDomain')}
          </button>
        </fieldset>
        <Field label={t('professionals.skills')} error={errors.skills} hint={t('professionals.skillsHint')}>
          <input value={values.skills} onChange={(event) => set('skills', event.target.value)} />
        </Field>
        <Field label={t('professionals.bio')} error={errors.bio}>
          <textarea value={values.bio} onChange={(event) => set('bio', event.target.value)} rows={3} />
        </Field>
        <div className="row">
          <fieldset>
            <legend>{t('professionals.languages')}</legend>
            {errors.languages && <p className="field-error">{errors.languages}</p>}
            {(['fr', 'en'] as const).map((language) => (
              <div className="checkbox" key={language}>
                <input id={`language-${language}`} type="checkbox" checked={values.languages.includes(language)} onChange={(event) => toggle('languages', language, event.target.checked)} />
                <label htmlFor={`language-${language}`}>{t(`language.${language}`)}</label>
              </div>
            ))}
          </fieldset>
          <Field label={t('request.region')} error={errors.region}>
            <input value={values.region} onChange={(event) => set('region', event.target.value)} placeholder="montreal" />
          </Field>
          <Field label={t('professionals.weeklyCapacity')} error={errors.weeklyCapacityHours}>
            <input type="number" min={0} max={60} step={0.5} value={values.weeklyCapacityHours} onChange={(event) => set('weeklyCapacityHours', event.target.value)} />
          </Field>
          <Field label={t('professionals.costRate')} error={errors.costRate}>
            <input type="number" min={0} step={0.01} value={values.costRate} onChange={(event) => set('costRate', event.target.value)} />
          </Field>
        </div>
        <fieldset>
          <legend>{t('professionals.coopExperience')}</legend>
          <div className="row">
            <Field label={t('professionals.years')} error={errors['coopExperience.years']}>
              <input type="number" min={0} value={values.coopYears} onChange={(event) => set('coopYears', event.target.value)} />
            </Field>
            <Field label={t('professionals.mandates')} error={errors['coopExperience.mandates']}>
              <input type="number" min={0} value={values.coopMandates} onChange={(event) => set('coopMandates', event.target.value)} />
            </Field>
          </div>
          <div className="checkboxes" role="group" aria-label={t('professionals.sectors')}>
            {taxonomy.sectors.map((sector) => (
              <div className="checkbox" key={sector.code}>
                <input id={`sector-${sector.code}`} type="checkbox" checked={values.coopSectors.includes(sector.code)} onChange={(event) => toggle('coopSectors', sector.code, event.target.checked)} />
                <label htmlFor={`sector-${sector.code}`}>{sector.label}</label>
              </div>
            ))}
          </div>
          {errors['coopExperience.sectors'] && <p className="field-error">{errors['coopExperience.sectors']}</p>}
        </fieldset>
        <div className="checkbox">
          <input id="professional-active" type="checkbox" checked={values.active} onChange={(event) => set('active', event.target.checked)} />
          <label htmlFor="professional-active">{t('professionals.active')}</label>
        </div>
        <ProblemMessage error={save.error} />
        {saved && (
          <p className="notice" role="status">
            {t('professionals.saved')}
          </p>
        )}
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t('common.working') : t('common.save')}
        </button>
      </form>
      {id && <TimeOffSection professionalId={id} />}
    </section>
  );
}
