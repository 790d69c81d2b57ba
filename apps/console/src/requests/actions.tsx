import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { Field } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useFormat } from '../ui/hooks';
import { needsReason, scoreGap, type Candidate } from './score-gap';

const fieldError = (error: unknown, field: string): string | undefined => (error instanceof ApiProblem ? error.fieldErrors[field] : undefined);

interface AssignFormProps {
  requestId: string;
  candidates: Candidate[];
  candidate: Candidate;
  hasAssignment: boolean;
  /** A shared request a part of which declined: the parts kept, and the hours the candidate would take. */
  share?: { kept: Array<{ professionalId: string; hours: number }>; missingHours: number };
  onDone(): void;
  onCancel(): void;
}

/** Assign, or override: anyone but the best ranked, or a change of assignment, needs a reason. */
export function AssignForm({ requestId, candidates, candidate, hasAssignment, share, onDone, onCancel }: AssignFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const gap = scoreGap(candidates, candidate.professionalId);
  const reasonRequired = needsReason(candidates, candidate.professionalId, hasAssignment);
  const assign = useMutation({
    mutationFn: async (): Promise<void> => {
      const why = reason.trim() ? { reason: reason.trim() } : {};
      // The kept parts as they are, and the candidate for the hours the share lacks.
      if (share) {
        const parts = [...share.kept, { professionalId: candidate.professionalId, hours: share.missingHours }];
        await call(api.POST('/v1/requests/{id}/shared-assignments', { params: { path: { id: requestId } }, body: { parts, ...why } }));
      } else {
        await call(api.POST('/v1/requests/{id}/assignments', { params: { path: { id: requestId } }, body: { professionalId: candidate.professionalId, ...why } }));
      }
    },
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reasonRequired && reason.trim().length < 2) return setMissingReason(true);
    setMissingReason(false);
    assign.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('actions.assignTo', { name: candidate.fullName })} noValidate>
      {gap && gap.difference > 0 && (
        <p className="gap" data-testid="score-gap">
          {t('actions.scoreGap', {
            difference: format.number(gap.difference, 2),
            percent: format.percent(gap.relative),
            chosen: format.number(gap.chosen.score, 2),
            best: format.number(gap.best.score, 2),
            bestName: gap.best.fullName,
          })}
        </p>
      )}
      {reasonRequired && (
        <Field label={t('actions.overrideReason')} error={missingReason ? t('actions.reasonRequired') : fieldError(assign.error, 'reason')}>
          <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} required maxLength={1000} />
        </Field>
      )}
      <ProblemMessage error={assign.error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={assign.isPending}>
          {assign.isPending ? t('common.working') : hasAssignment ? t('actions.confirmOverride') : t('actions.confirmAssign')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A reason, then one action: the shape of decline, complete and cancel. */
function ReasonAction({
  title,
  label,
  required,
  submitLabel,
  onSubmit,
  busy,
  error,
  field,
}: {
  title: string;
  label: string;
  required: boolean;
  submitLabel: string;
  onSubmit(value: string): void;
  busy: boolean;
  error: unknown;
  field: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (required && value.trim().length < 2) return setMissing(true);
    setMissing(false);
    onSubmit(value.trim());
  };
  return (
    <form className="action-form" onSubmit={submit} aria-label={title} noValidate>
      <h3>{title}</h3>
      <Field label={label} error={missing ? t('actions.reasonRequired') : fieldError(error, field)}>
        <textarea value={value} onChange={(event) => setValue(event.target.value)} rows={2} maxLength={1000} required={required} />
      </Field>
      <ProblemMessage error={error} />
      <button type="submit" disabled={busy}>
        {busy ? t('common.working') : submitLabel}
      </button>
    </form>
  );
}

export function DeclineForm({ assignmentId, onDone }: { assignmentId: string; onDone(): void }) {
  const { t } = useTranslation();
  const decline = useMutation({
    mutationFn: (reason: string) => call(api.POST('/v1/assignments/{id}/decline', { params: { path: { id: assignmentId } }, body: { reason } })),
    onSuccess: onDone,
  });
  return (
    <ReasonAction
      title={t('actions.decline')}
      label={t('actions.declineReason')}
      required
      submitLabel={t('actions.decline')}
      onSubmit={(reason) => decline.mutate(reason)}
      busy={decline.isPending}
      error={decline.error}
      field="reason"
    />
  );
}

export function CancelForm({ requestId, onDone }: { requestId: string; onDone(): void }) {
  const { t } = useTranslation();
  const cancel = useMutation({
    mutationFn: (reason: string) => call(api.POST('/v1/requests/{id}/cancel', { params: { path: { id: requestId } }, body: reason ? { reason } : {} })),
    onSuccess: onDone,
  });
  return (
    <ReasonAction
      title={t('actions.cancelRequest')}
      label={t('actions.cancelReason')}
      required={false}
      submitLabel={t('actions.cancelRequest')}
      onSubmit={(reason) => cancel.mutate(reason)}
      busy={cancel.isPending}
      error={cancel.error}
      field="reason"
    />
  );
}

export function CompleteForm({ assignmentId, defaultHours, onDone }: { assignmentId: string; defaultHours: number; onDone(): void }) {
  const { t } = useTranslation();
  const [hours, setHours] = useState(String(defaultHours));
  const complete = useMutation({
    // The API says what is wrong with the number (empty, negative, too large): it is sent as typed.
    mutationFn: () => call(api.POST('/v1/assignments/{id}/complete', { params: { path: { id: assignmentId } }, body: { hoursSpent: hours.trim() === '' ? (null as unknown as number) : Number(hours) } })),
    onSuccess: onDone,
  });
  return (
    <form
      className="action-form"
      aria-label={t('actions.complete')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        complete.mutate();
      }}
    >
      <h3>{t('actions.complete')}</h3>
      <Field label={t('actions.hoursSpent')} error={fieldError(complete.error, 'hoursSpent')}>
        <input type="number" inputMode="decimal" min={0} step={0.25} value={hours} onChange={(event) => setHours(event.target.value)} />
      </Field>
      <ProblemMessage error={complete.error} />
      <button type="submit" disabled={complete.isPending}>
        {complete.isPending ? t('common.working') : t('actions.complete')}
      </button>
    </form>
  );
}
