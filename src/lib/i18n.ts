import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en';
import { id } from '../locales/id';
import type { Lang } from './format';

export const LANGS: readonly Lang[] = ['id', 'en'];

export function initI18n(lang: Lang): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'id',
    resources: { id: { translation: id }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React renders text nodes; nothing is injected as HTML
    returnNull: false,
    showSupportNotice: false,
  });
  return i18next;
}
