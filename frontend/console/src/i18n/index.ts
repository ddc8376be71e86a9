import { createI18n } from 'vue-i18n';
import { useLanguage } from '../api/client';

// One message file per console area and language, so that areas evolve without touching each other.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./*/*.json', { eager: true });

function messages(language: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [path, file] of Object.entries(files)) {
    const [, folder, area] = path.match(/^\.\/([^/]+)\/([^/]+)\.json$/) ?? [];
    if (folder === language && area) {
      merged[area] = file.default;
    }
  }
  return merged;
}

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'kepu.console.language';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'zh-CN';
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLanguage(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': messages('zh-CN'), en: messages('en') } as Record<Language, Record<string, string>>
});
useLanguage(i18n.global.locale.value);

export function switchLanguage(language: Language): void {
  i18n.global.locale.value = language;
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  useLanguage(language);
}
