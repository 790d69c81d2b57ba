import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../api/client';
import { Bar } from '../ui/Bar';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Empty } from '../ui/states';
import { useFormat } from '../ui/hooks';

type NearestFit = Schemas['NearestFitView'];

/**
 * When nobody fits: the smallest changes that would make someone available (the API's nearest fits),
 * each applied in one step when the API can do it (fewer hours, another language: an assignment; a
 * split: a shared assignment); a change of the request's window is shown for the coordinator to
 * take up with the member.
 */
export function NearestFits({ requestId, fits, onApplied }: { requestId: string; fits: Schemas['NearestFitsView'] | undefined; onApplied(fit: NearestFit): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const apply = useMutation({
    mutationFn: async (fit: NearestFit): Promise<void> => {
      const { parts, professionalId, hours } = fit.apply!.body;
      const reason = fit.reason.slice(0, 1000);
      // A split is a shared assignment: both professionals booked at once, or neither.
      if (parts) await call(api.POST('/v1/requests/{id}/shared-assignments', { params: { path: { id: requestId } }, body: { parts, reason } }));
      else await call(api.POST('/v1/requests/{id}/assignments', { params: { path: { id: requestId } }, body: { professionalId: professionalId!, ...(hours !== undefined ? { hours } : {}), reason } }));
    },
    onSuccess: (_assignment, fit) => onApplied(fit),
  });
  return (
    <section aria-labelledby="nearest-title">
      <h2 id="nearest-title">{t('nearest.title')}</h2>
      {!fits || fits.suggestions.length === 0 ? (
        <Empty>{t('nearest.none')}</Empty>
      ) : (
        <ol className="nearest">
          {fits.suggestions.map((fit) => (
            <li key={`${fit.rank}-${fit.kind}`} className="panel">
              <div className="candidate__head">
                <span className="rank">#{fit.rank}</span>
                <h3>{t(`nearest.kind.${fit.kind}`, { defaultValue: fit.kind })}</h3>
                {fit.hardConstraint && <span className="status status--unmatched">{t('nearest.hard')}</span>}
              </div>
              <p>{fit.reason}</p>
              <div className="candidate__score">
                <span>{t('candidates.score')}</span>
                <Bar value={fit.score} label={t('candidates.score')} text={format.number(fit.score, 2)} />
                <strong>{format.number(fit.score, 2)}</strong>
              </div>
              <ul className="reasons">
                {fit.professionals.map((part) => (
                  <li key={part.professionalId}>
                    {part.fullName}: {format.hours(part.hours)} · {t('candidates.freeHours')} {format.hours(part.freeHours)} · {format.money(part.estimatedCost)}
                  </li>
                ))}
              </ul>
              {fit.apply ? (
                <button type="button" onClick={() => apply.mutate(fit)} disabled={apply.isPending}>
                  {t('nearest.apply')}
                </button>
              ) : (
                <p className="muted small">{t('nearest.withMember')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      <ProblemMessage error={apply.error} />
    </section>
  );
}
