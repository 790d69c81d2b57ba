import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { Field } from '../ui/Field';
import { useAuth } from './AuthContext';
import { homePath, mayUseConsole } from './session';

/** Sign-in with an API key. The key is sent only in the Authorization header and kept in this tab only. */
export function SignIn() {
  const { t } = useTranslation();
  const { signIn, signedOutBecause } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [key, setKey] = useState('');
  const [message, setMessage] = useState<string | undefined>(signedOutBecause === 'expired' ? t('signIn.expired') : undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const apiKey = key.trim();
    if (!apiKey) return setMessage(t('signIn.empty'));
    setBusy(true);
    setMessage(undefined);
    try {
      const caller = await call(api.GET('/v1/me', { headers: { authorization: `Bearer ${apiKey}`, 'x-sign-in': '1' } }));
      if (!mayUseConsole(caller.role)) return setMessage(t('signIn.adminKey'));
      signIn({ apiKey, role: caller.role, credentialId: caller.credentialId, memberId: caller.memberId, memberName: caller.memberName });
      const target = from && from !== '/signin' ? from : homePath(caller.role);
      void navigate(target, { replace: true });
    } catch (error) {
      setMessage(error instanceof ApiProblem && error.status === 401 ? t('signIn.refused') : error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <h1>{t('app.name')}</h1>
      <p>{t('signIn.intro')}</p>
      {/* POST, never GET: even without JavaScript the key could not end up in a URL. */}
      <form method="post" onSubmit={submit} noValidate>
        <Field label={t('signIn.key')} hint={t('signIn.keyHint')}>
          <input type="password" name="apiKey" autoComplete="off" spellCheck={false} value={key} onChange={(event) => setKey(event.target.value)} required />
        </Field>
        {message && (
          <p className="problem" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('common.working') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
