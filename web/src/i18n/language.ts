import { useEffect, useState } from 'preact/hooks';
import { en } from './en.ts';
import { kk } from './kk.ts';
import type { Messages } from './messages.ts';
import { ru } from './ru.ts';

export const languages = ['kk', 'ru', 'en'] as const;
export type Language = (typeof languages)[number];

/** Each language's name in itself, as a switch shows it. */
export const languageNames: Readonly<Record<Language, string>> = {
  kk: 'Қазақша',
  ru: 'Русский',
  en: 'English',
};

const dictionaries: Readonly<Record<Language, Messages>> = { kk, ru, en };
const STORAGE_KEY = 'desk.language';
const listeners = new Set<(language: Language) => void>();

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'kk';
  } catch {
    // Storage refused (a private window's policy): the state language, as the law makes it the default.
    return 'kk';
  }
}

let current: Language = storedLanguage();
document.documentElement.lang = current;

export function currentLanguage(): Language {
  return current;
}

/** Switches the desk's language, keeps the choice on this device and tells screen readers through `<html lang>`. */
export function setLanguage(language: Language): void {
  current = language;
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not kept: the choice lasts until the page is reloaded.
  }
  for (const listener of listeners) listener(language);
}

type Params = Readonly<Record<string, string | number>>;
type FlatKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];
type Group = Exclude<keyof Messages, FlatKey>;

function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

export interface Words {
  readonly language: Language;
  /** A sentence of the desk, its `{name}` placeholders filled. */
  t(key: FlatKey, params?: Params): string;
  /** The word for a code the API sends (a status, a phase, a ground), or the code itself when the desk has none. */
  label(group: Group, code: string): string;
}

export function wordsOf(language: Language): Words {
  const messages = dictionaries[language];
  return {
    language,
    t: (key, params = {}) => fill(messages[key], params),
    label: (group, code) => {
      const words: Readonly<Record<string, string>> = messages[group];
      return Object.hasOwn(words, code) ? (words[code] ?? code) : code;
    },
  };
}

/** The desk's words in the current language; the component renders again when the language changes. */
export function useWords(): Words {
  const [language, setCurrent] = useState(current);
  useEffect(() => {
    listeners.add(setCurrent);
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return wordsOf(language);
}
