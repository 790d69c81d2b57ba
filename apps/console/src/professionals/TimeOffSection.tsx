import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { Field } from '../ui/Field';
import { compact, text } from '../ui/form';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Empty, Loading } from '../ui/states';
import { useFormat } from '../ui/hooks';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Days off of one professional, from today on a year ahead; add and remove. */
export function TimeOffSection({ professionalId }: { professionalId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ startDate: '', endDate: '', reason: '' });
  const from = isoDay(new Date());
  const to = isoDay(new Date(Date.now() + 365 * 86_400_000));
  const availability = useQuery({
    queryKey: ['professional', professionalId, 'availability', from],
    queryFn: () => call(api.GET('/v1/professionals/{id}/availability', { params: { path: { id: professionalId }, query: { from, to } } })),
  });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['professional', professionalId, 'availability'] }), queryClient.invalidateQueries({ queryKey: ['capacity'] })]);
  const add = useMutation({
    mutationFn: () =>
      call(
        api.POST('/v1/professionals/{id}/time-off', {
          params: { path: { id: professionalId } },
          body: compact({ startDate: values.startDate, endDate: values.endDate, reason: text(values.reason) }),
        }),
      ),
    onSuccess: async () => {
      setValues({ startDate: '', endDate: '', reason: '' });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (timeOffId: string) => call(api.DELETE('/v1/professionals/{id}/time-off/{timeOffId}', { params: { path: { id: professionalId, timeOffId } } })),
    onSuccess: refresh,
  });
  const errors = add.error instanceof ApiProblem ? add.error.fieldErrors : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };

  return (
    <section aria-labelledby="time-off-title" className="panel">
      <h2 id="time-off-title">{t('timeOff.title')}</h2>
      {availability.isPending ? (
        <Loading />
      ) : availability.error ? (
        <ProblemMessage error={availability.error} />
      ) : availability.data.timeOff.length === 0 ? (
        <Empty>{t('timeOff.none')}</Empty>
      ) : (
        <ul className="time-off">
          {availability.data.timeOff.map((entry) => (
            <li key={entry.id}>
              {format.date(entry.startDate)} – {format.date(entry.endDate)}
              {entry.reason && <span className="muted"> · {entry.reason}</span>}
              <button type="button" onClick={() => remove.mutate(entry.id)} disabled={remove.isPending} aria-label={t('timeOff.removeOne', { from: format.date(entry.startDate), to: format.date(entry.endDate) })}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ProblemMessage error={remove.error} />
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t('timeOff.add')}>
        <div className="row">
          <Field label={t('timeOff.first')} error={errors.startDate}>
            <input type="date" value={values.startDate} onChange={(event) => setValues({ ...values, startDate: event.target.value })} />
          </Field>
          <Field label={t('timeOff.last')} error={errors.endDate}>
            <input type="date" value={values.endDate} onChange={(event) => setValues({ ...values, endDate: event.target.value })} />
          </Field>
          <Field label={t('timeOff.reason')} error={errors.reason}>
            <input value={values.reason} onChange={(event) => setValues({ ...values, reason: event.target.value })} />
          </Field>
        </div>
        <ProblemMessage error={add.error} />
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? t('common.working') : t('timeOff.add')}
        </button>
      </form>
    </section>
  );
}
