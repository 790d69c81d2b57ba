import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';
import { browserLanguage, type Language } from './format';

const LANGUAGE_KEY = 'coop.console.language';

/** The language chosen in this browser earlier, else the browser's own. */
export function initialLanguage(): Language {
  const chosen = window.localStorage.getItem(LANGUAGE_KEY);
  return chosen === 'fr' || chosen === 'en' ? chosen : browserLanguage();
}

export function rememberLanguage(language: Language): void {
  window.localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
}

export async function setUpI18n(language: Language = initialLanguage()): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
