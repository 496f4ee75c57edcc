import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import enUS from 'antd/locale/en_US';
import { resources, DEFAULT_LANGUAGE, isLanguage, NAMESPACES, type Language } from '../../shared/i18n/resources';

export const ANTD_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, 'en-US': enUS } as const;
const DAYJS_LOCALES: Record<Language, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', 'en-US': 'en' };
const STORAGE_KEY = 'linli.language';

export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

export async function initI18n(): Promise<void> {
  const lng = initialLanguage();
  dayjs.locale(DAYJS_LOCALES[lng]);
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export async function changeLanguage(lng: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lng);
  dayjs.locale(DAYJS_LOCALES[lng]);
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}
