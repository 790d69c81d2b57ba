import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Empty, Loading } from '../ui/states';
import { useFormat } from '../ui/hooks';

/** One endpoint: its delivery log with every attempt, replay, and turning a disabled endpoint back on. */
export default function WebhookScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const endpoint = useQuery({ queryKey: ['webhook', id], queryFn: () => call(api.GET('/v1/webhooks/{id}', { params: { path: { id } } })) });
  const deliveries = useQuery({
    queryKey: ['webhook', id, 'deliveries'],
    queryFn: () => call(api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 50 } } })),
    refetchInterval: 10_000,
    enabled: endpoint.isSuccess,
  });
  const replay = useMutation({
    mutationFn: (deliveryId: string) => call(api.POST('/v1/webhooks/{id}/deliveries/{deliveryId}/replay', { params: { path: { id, deliveryId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhook', id] }),
  });
  const enable = useMutation({
    mutationFn: () => call(api.POST('/v1/webhooks/{id}/enable', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhook', id] }),
  });

  if (endpoint.isPending) return <Loading />;
  if (endpoint.error)
    return (
      <section>
        <h1>{t('webhooks.title')}</h1>
        <ProblemMessage error={endpoint.error} />
        <Link to="/webhooks">{t('webhooks.back')}</Link>
      </section>
    );

  return (
    <section>
      <p>
        <Link to="/webhooks">← {t('webhooks.title')}</Link>
      </p>
      <h1>{endpoint.data.url}</h1>
      <p>
        {t(`webhooks.endpoint.${endpoint.data.status}`)} · {endpoint.data.eventTypes.join(', ')}
        {endpoint.data.disabledReason && <span className="muted"> · {endpoint.data.disabledReason}</span>}
      </p>
      {endpoint.data.status === 'disabled' && (
        <button type="button" onClick={() => enable.mutate()} disabled={enable.isPending}>
          {t('webhooks.enable')}
        </button>
      )}
      <ProblemMessage error={enable.error ?? replay.error} />
      <h2>{t('webhooks.deliveries')}</h2>
      {deliveries.isPending ? (
        <Loading />
      ) : deliveries.error ? (
        <ProblemMessage error={deliveries.error} />
      ) : deliveries.data.items.length === 0 ? (
        <Empty>{t('webhooks.noDeliveries')}</Empty>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('webhooks.event')}</th>
              <th scope="col">{t('webhooks.status')}</th>
              <th scope="col">{t('webhooks.attempts')}</th>
              <th scope="col">{t('webhooks.created')}</th>
              <th scope="col">{t('webhooks.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.items.map((delivery) => (
              <tr key={delivery.id}>
                <td>
                  <code>{delivery.eventType}</code>
                  {delivery.requestId && (
                    <div>
                      <Link to={`/requests/${delivery.requestId}`}>{t('notifications.open')}</Link>
                    </div>
                  )}
                </td>
                <td>{t(`webhooks.delivery.${delivery.status}`)}</td>
                <td>
                  <ol className="attempts">
                    {delivery.attempts.map((attempt) => (
                      <li key={attempt.attemptedAt}>
                        {format.dateTime(attempt.attemptedAt)} · {attempt.statusCode ?? '—'} · {format.number(attempt.latencyMs, 0)} ms
                        {attempt.error && <span className="muted"> · {attempt.error}</span>}
                      </li>
                    ))}
                  </ol>
                  {delivery.nextAttemptAt && <small className="muted">{t('webhooks.next', { time: format.dateTime(delivery.nextAttemptAt) })}</small>}
                </td>
                <td>{format.dateTime(delivery.createdAt)}</td>
                <td>
                  <button type="button" onClick={() => replay.mutate(delivery.id)} disabled={replay.isPending}>
                    {t('webhooks.replay')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
