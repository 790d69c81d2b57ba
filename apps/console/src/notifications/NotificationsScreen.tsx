import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Empty, Loading } from '../ui/states';
import { useFormat } from '../ui/hooks';

/** The coordinator feed, newest first, worded in the chosen language; mark entries read. */
export default function NotificationsScreen() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const feed = useQuery({
    queryKey: ['notifications', 'feed', unreadOnly, i18n.language],
    queryFn: () =>
      call(api.GET('/v1/notifications', { params: { query: { limit: 100, ...(unreadOnly ? { unread: true } : {}) } } })),
    refetchInterval: 15_000,
  });
  const markRead = useMutation({
    mutationFn: (id: string) => call(api.POST('/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = feed.data?.items.filter((item) => !item.readAt).length ?? 0;

  return (
    <section>
      <h1>{t('notifications.title')}</h1>
      <div className="checkbox">
        <input id="unread-only" type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />
        <label htmlFor="unread-only">{t('notifications.unreadOnly')}</label>
      </div>
      <p role="status">{t('notifications.unreadCount', { count: unread })}</p>
      <ProblemMessage error={feed.error ?? markRead.error} />
      {feed.isPending ? (
        <Loading />
      ) : !feed.data || feed.data.items.length === 0 ? (
        <Empty>{t('notifications.empty')}</Empty>
      ) : (
        <ul className="feed">
          {feed.data.items.map((item) => (
            <li key={item.id} className={item.readAt ? 'feed__item' : 'feed__item feed__item--unread'}>
              <span className={`kind kind--${item.kind}`}>{t(`notifications.kind.${item.kind}`, { defaultValue: item.kind })}</span>
              <p>{item.message}</p>
              <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
              {item.requestId && <Link to={`/requests/${item.requestId}`}>{t('notifications.open')}</Link>}
              {!item.readAt && (
                <button type="button" onClick={() => markRead.mutate(item.id)} disabled={markRead.isPending}>
                  {t('notifications.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
