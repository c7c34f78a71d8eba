/**
 * i18next for the web app: kk (default), ru, en; one namespace per module. Every catalog file
 * `locales/<lang>/<namespace>.json` is bundled and registered automatically, so a module adds its texts
 * by adding three files (kk, ru, en) and uses them as `t('<namespace>:<key>')`.
 * The chosen language persists in localStorage and is mirrored in `<html lang>`, which the API client
 * sends as Accept-Language.
 */
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'kk';

/** Each language's own name, shown in the language switch whatever the current language is. */
export const LANGUAGE_AUTONYMS: Readonly<Record<Language, string>> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
/** Short switch labels, written as each language writes itself. */
export const LANGUAGE_SHORT: Readonly<Record<Language, string>> = { kk: 'ҚАЗ', ru: 'РУС', en: 'ENG' };

const STORAGE_KEY = 'komek.language';
let loadedNamespaces: readonly string[] = [];

/** Every catalog namespace bundled into the app (after initI18n). */
export function namespaces(): readonly string[] {
  return loadedNamespaces;
}

/**
 * The catalog keys that may name audit action `action`, one per namespace: each module labels its own
 * actions under `auditActions` in its namespace, with dots in the code written as underscores
 * (action payments.orders.issue → key auditActions.payments_orders_issue of namespace payments).
 */
export function auditActionKeys(action: string, inNamespaces: readonly string[] = loadedNamespaces): string[] {
  const slug = action.replace(/\./g, '_');
  return inNamespaces.map((ns) => `${ns}:auditActions.${slug}`);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to start in: the stored choice when valid, else Kazakh. */
export function pickLanguage(stored: string | null | undefined): Language {
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

/**
 * Turns bundled catalog modules, keyed by path (`./locales/kk/common.json`), into i18next resources.
 * Paths that are not `<lang>/<namespace>.json` for a supported language are ignored.
 */
export function resourcesFromModules(modules: Readonly<Record<string, unknown>>): { resources: Resource; namespaces: string[] } {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const [path, mod] of Object.entries(modules)) {
    const m = /locales\/([a-z]+)\/([a-z][a-z0-9-]*)\.json$/.exec(path);
    if (!m) continue;
    const [, lang, ns] = m as unknown as [string, string, string];
    if (!isLanguage(lang)) continue;
    const data = (mod as { default?: unknown }).default ?? mod;
    (resources[lang] ??= {})[ns] = data as Record<string, unknown>;
    namespaces.add(ns);
  }
  return { resources, namespaces: [...namespaces].sort() };
}

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Initialises i18next with every bundled catalog, in the stored (or default) language. */
export async function initI18n(): Promise<I18n> {
  const modules = import.meta.glob('./locales/*/*.json', { eager: true });
  const { resources, namespaces } = resourcesFromModules(modules);
  loadedNamespaces = namespaces;
  const lng = pickLanguage(storedLanguage());
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources,
    ns: namespaces,
    defaultNS: 'common',
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return i18next;
}

/** Switches the UI language, remembers it and updates `<html lang>`. */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

/** The current UI language. */
export function currentLanguage(): Language {
  return pickLanguage(i18next.resolvedLanguage ?? i18next.language);
}
