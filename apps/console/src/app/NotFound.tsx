import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An unknown page, or one the key's role may not see (never says which). */
export default function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </section>
  );
}
