import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { api, call } from '../api/client';
import { useAuth, useSession } from '../auth/AuthContext';
import { rememberLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/format';
import { Loading } from '../ui/states';

const COORDINATOR_LINKS = [
  ['/queue', 'nav.queue'],
  ['/search', 'nav.search'],
  ['/professionals', 'nav.professionals'],
  ['/capacity', 'nav.capacity'],
  ['/statements', 'nav.statements'],
] as const;

const PARTNER_LINKS = [
  ['/requests', 'nav.requests'],
  ['/requests/new', 'nav.newRequest'],
  ['/statements', 'nav.statements'],
  ['/webhooks', 'nav.webhooks'],
] as const;

export const UNREAD_POLL_MS = 15_000;

/** The frame of every signed-in screen: navigation for the key's role, language, sign-out. */
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const { signOut } = useAuth();
  const coordinator = session.role === 'coordinator';
  const links = coordinator ? COORDINATOR_LINKS : PARTNER_LINKS;
  const unread = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => call(api.GET('/v1/notifications', { params: { query: { unread: true, limit: 200 } } })),
    enabled: coordinator,
    refetchInterval: UNREAD_POLL_MS,
  });
  const unreadCount = unread.data?.items.length ?? 0;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <div className="brand">{t('app.name')}</div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {links.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} end={to === '/requests'}>
                  {t(label)}
                </NavLink>
              </li>
            ))}
            {coordinator && (
              <li>
                <NavLink to="/notifications">
                  {t('nav.notifications')}
                  {unreadCount > 0 && (
                    <span className="badge" aria-label={t('notifications.unreadCount', { count: unreadCount })}>
                      {unreadCount}
                    </span>
                  )}
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="who">
          <span>{session.role === 'partner' ? session.memberName ?? t('role.partner') : t('role.coordinator')}</span>
          <LanguageSwitch />
          <button type="button" onClick={() => signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const choose = (language: Language) => {
    rememberLanguage(language);
    void i18n.changeLanguage(language);
  };
  return (
    <div className="language" role="group" aria-label={t('nav.language')}>
      {(['fr', 'en'] as const).map((language) => (
        <button key={language} type="button" lang={language} aria-pressed={i18n.language === language} onClick={() => choose(language)}>
          {language === 'fr' ? 'Français' : 'English'}
        </button>
      ))}
    </div>
  );
}
