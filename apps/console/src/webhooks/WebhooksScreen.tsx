import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call, type Schemas } from '../api/client';
import { ApiProblem } from '../api/problem';
import { Field } from '../ui/Field';
import { compact, text } from '../ui/form';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Empty, Loading } from '../ui/states';
import { useFormat } from '../ui/hooks';

type EventType = Schemas['WebhookEndpointView']['eventTypes'][number];
export const EVENT_TYPES: EventType[] = ['request.submitted', 'request.pending_review', 'request.assigned', 'request.unmatched', 'request.cancelled', 'assignment.declined', 'assignment.completed'];

/** A partner's webhook endpoints; register one (its secret is shown once). */
export default function WebhooksScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<{ url: string; description: string; eventTypes: EventType[] }>({ url: '', description: '', eventTypes: ['request.assigned', 'request.unmatched'] });
  const endpoints = useQuery({ queryKey: ['webhooks'], queryFn: () => call(api.GET('/v1/webhooks', { params: { query: { limit: 100 } } })) });
  const create = useMutation({
    mutationFn: () => call(api.POST('/v1/webhooks', { body: compact({ url: values.url.trim(), eventTypes: values.eventTypes, description: text(values.description) }) })),
    onSuccess: async () => {
      setValues({ url: '', description: '', eventTypes: ['request.assigned', 'request.unmatched'] });
      await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    },
  });
  const errors = create.error instanceof ApiProblem ? create.error.fieldErrors : {};
  const toggle = (type: EventType, on: boolean) => setValues((current) => ({ ...current, eventTypes: on ? [...current.eventTypes, type] : current.eventTypes.filter((value) => value !== type) }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <section>
      <h1>{t('webhooks.title')}</h1>
      <ProblemMessage error={endpoints.error} />
      {endpoints.isPending ? (
        <Loading />
      ) : !endpoints.data || endpoints.data.items.length === 0 ? (
        <Empty>{t('webhooks.empty')}</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('webhooks.url')}</th>
              <th scope="col">{t('webhooks.events')}</th>
              <th scope="col">{t('webhooks.status')}</th>
              <th scope="col">{t('webhooks.created')}</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.data.items.map((endpoint) => (
              <tr key={endpoint.id}>
                <td>
                  <Link to={`/webhooks/${endpoint.id}`}>{endpoint.url}</Link>
                  {endpoint.description && <div className="muted">{endpoint.description}</div>}
                </td>
                <td>{endpoint.eventTypes.join(', ')}</td>
                <td>{t(`webhooks.endpoint.${endpoint.status}`)}</td>
                <td>{format.dateTime(endpoint.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {create.data && (
        <div className="notice" role="status">
          <p>{t('webhooks.secretOnce')}</p>
          <code className="secret">{create.data.secret}</code>
        </div>
      )}
      <form className="form panel" onSubmit={onSubmit} noValidate aria-label={t('webhooks.register')}>
        <h2>{t('webhooks.register')}</h2>
        <Field label={t('webhooks.url')} error={errors.url}>
          <input type="url" value={values.url} onChange={(event) => setValues({ ...values, url: event.target.value })} placeholder="https://" />
        </Field>
        <Field label={t('webhooks.description')} error={errors.description}>
          <input value={values.description} onChange={(event) => setValues({ ...values, description: event.target.value })} />
        </Field>
        <fieldset>
          <legend>{t('webhooks.events')}</legend>
          {errors.eventTypes && <p className="field-error">{errors.eventTypes}</p>}
          <div className="checkboxes">
            {EVENT_TYPES.map((type) => (
              <div className="checkbox" key={type}>
                <input id={`event-${type}`} type="checkbox" checked={values.eventTypes.includes(type)} onChange={(event) => toggle(type, event.target.checked)} />
                <label htmlFor={`event-${type}`}>
                  <code>{type}</code>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <ProblemMessage error={create.error} />
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t('common.working') : t('webhooks.register')}
        </button>
      </form>
    </section>
  );
}
