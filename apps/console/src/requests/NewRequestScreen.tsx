import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { Field } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { EMPTY_REQUEST_FORM, requestBody, type RequestFormValues } from './request-form';
import { DomainOptions, LanguageOptions, UrgencyOptions } from '../ui/options';

/** A partner submits a request for its member. What was typed stays when the call fails. */
export default function NewRequestScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<RequestFormValues>(EMPTY_REQUEST_FORM);
  // Kept while an attempt got no answer, so trying again cannot submit the request twice.
  const idempotencyKey = useRef<string | undefined>(undefined);
  const submit = useMutation({
    mutationFn: () => {
      idempotencyKey.current ??= crypto.randomUUID();
      return call(api.POST('/v1/requests', { params: { header: { 'Idempotency-Key': idempotencyKey.current } }, body: requestBody(values) }));
    },
    onSuccess: async (accepted) => {
      idempotencyKey.current = undefined;
      await queryClient.invalidateQueries({ queryKey: ['requests'] });
      void navigate(`/requests/${accepted.id}`, { state: { submitted: true } });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status !== 0) idempotencyKey.current = undefined;
    },
  });
  const errors = submit.error instanceof ApiProblem ? submit.error.fieldErrors : {};
  const set = <K extends keyof RequestFormValues>(key: K, value: RequestFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };

  return (
    <section>
      <h1>{t('newRequest.title')}</h1>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t('newRequest.title')}>
        <Field label={t('request.domain')} error={errors.domain}>
          <select value={values.domain} onChange={(event) => set('domain', event.target.value)} required>
            <option value="">{t('common.choose')}</option>
            <DomainOptions />
          </select>
        </Field>
        <Field label={t('request.title')} error={errors.title}>
          <input value={values.title} onChange={(event) => set('title', event.target.value)} required maxLength={200} />
        </Field>
        <Field label={t('request.description')} error={errors.description}>
          <textarea value={values.description} onChange={(event) => set('description', event.target.value)} rows={4} required />
        </Field>
        <div className="row">
          <Field label={t('request.startDate')} error={errors.startDate}>
            <input type="date" value={values.startDate} onChange={(event) => set('startDate', event.target.value)} required />
          </Field>
          <Field label={t('request.endDate')} error={errors.endDate}>
            <input type="date" value={values.endDate} onChange={(event) => set('endDate', event.target.value)} required />
          </Field>
          <Field label={t('request.hours')} error={errors.estimatedHours} hint={t('newRequest.hoursHint')}>
            <input type="number" inputMode="decimal" min={0.5} step={0.5} value={values.estimatedHours} onChange={(event) => set('estimatedHours', event.target.value)} required />
          </Field>
        </div>
        <div className="row">
          <Field label={t('request.urgency')} error={errors.urgency}>
            <select value={values.urgency} onChange={(event) => set('urgency', event.target.value)}>
              <UrgencyOptions />
            </select>
          </Field>
          <Field label={t('request.language')} error={errors.language} hint={t('newRequest.memberDefault')}>
            <select value={values.language} onChange={(event) => set('language', event.target.value)}>
              <option value="">{t('newRequest.memberLanguage')}</option>
              <LanguageOptions />
            </select>
          </Field>
          <Field label={t('request.region')} error={errors.region} hint={t('newRequest.memberDefault')}>
            <input value={values.region} onChange={(event) => set('region', event.target.value)} placeholder="montreal" />
          </Field>
        </div>
        <div className="checkbox">
          <input id="on-site" type="checkbox" checked={values.onSite} onChange={(event) => set('onSite', event.target.checked)} />
          <label htmlFor="on-site">{t('request.onSiteRequired')}</label>
        </div>
        <ProblemMessage error={submit.error} />
        <button type="submit" className="primary" disabled={submit.isPending}>
          {submit.isPending ? t('common.working') : t('newRequest.submit')}
        </button>
      </form>
    </section>
  );
}
