import type { LocalizedText } from '../../shared/domain/language.ts';

/**
 * What makes a message unreadable to the person it is for, as issue 12 found them: a language missing, English
 * (API names, codes, zod's words) inside Kazakh or Russian, a raw UTC instant, a back vowel after «ЖСН-», a Russian
 * numeral that does not agree with its noun. Returns what is wrong, or nothing.
 *
 * Latin is allowed in Kazakh and Russian only for (a) the names of standards and formats that have no Kazakh or
 * Russian name and are written so in both (IANA, UTC, ISO 8601, UTF-8, Windows-1251, CSV, XLSX, JSON, JSON Lines),
 * and (b) a value quoted «…» that the person typed or must type as it is: an API value, an id, a header or zone
 * name (one token), or the operator's token command. KATO is written ӘАОЖ (КАТО) and КАТО, as the glossary does.
 */
export function messageProblems(text: LocalizedText): string[] {
  const problems: string[] = [];
  const { kk, ru, en } = text;
  for (const [language, value] of Object.entries(text)) {
    if (value.trim().length === 0) problems.push(`${language}: empty`);
    if (/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) problems.push(`${language}: raw instant`);
    if (/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/.test(value)) problems.push(`${language}: a code inside the text`);
    if (/\b(undefined|NaN|null|\[object Object\])\b/.test(withoutQuoted(value))) {
      problems.push(`${language}: an unfilled value`);
    }
  }
  if (new Set([kk, ru, en]).size < 3) problems.push('two languages give the same text');
  for (const [language, value] of [
    ['kk', kk],
    ['ru', ru],
  ] as const) {
    const latin = latinWords(value);
    if (latin.length > 0) problems.push(`${language}: Latin words ${latin.join(' ')}`);
    if (!/[А-яЁё]/.test(value)) problems.push(`${language}: no Cyrillic`);
  }
  if (/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/.test(withoutQuoted(ru))) problems.push('ru: Kazakh letters');
  if (/[А-яЁёӘҒҚҢӨҰҮҺІәғқңөұүһі]/.test(withoutQuoted(en))) problems.push('en: Cyrillic');
  if (/ЖСН-[а-яәғқңөұүһі]*[аоұыя]/i.test(kk)) problems.push('kk: back vowel after ЖСН');
  problems.push(...russianNumeralProblems(ru));
  return problems;
}

const STANDARD_NAMES = /\b(IANA|UTC|ISO 8601|UTF-8|Windows-1251|CSV|XLSX|JSON Lines|JSON)\b/g;
const OPERATOR_COMMAND = '«npm run token -- --role operator»';

function withoutQuoted(value: string): string {
  return value.replace(/«[^«»]*»/g, '«»');
}

function latinWords(value: string): string[] {
  const rest = value
    .replace(OPERATOR_COMMAND, '')
    // A quoted value of one token (no space): an API value, an id, a header or a zone name.
    .replace(/«[^\s«»]*»/g, '')
    .replace(STANDARD_NAMES, '');
  return rest.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
}

const russianPlural = new Intl.PluralRules('ru');
const nounForms: readonly { readonly one: string; readonly few: string; readonly many: string }[] = [
  { one: 'день', few: 'дня', many: 'дней' },
  { one: 'год', few: 'года', many: 'лет' },
];

/**
 * «за 5 дня», «на 3 дней»: a count after за/на/через (where the noun takes the form of its count) and a noun of the
 * table whose forms do not agree. After «не менее», «не более» the genitive is right and is not checked here.
 */
function russianNumeralProblems(ru: string): string[] {
  const problems: string[] = [];
  for (const match of ru.matchAll(/(?:^|\s)(?:за|на|через) (\d+) ([а-яё]+)/g)) {
    const count = Number(match[1]);
    const noun = match[2] ?? '';
    const forms = nounForms.find((f) => [f.one, f.few, f.many].includes(noun));
    if (forms === undefined) continue;
    const category = russianPlural.select(count);
    const expected = category === 'one' ? forms.one : category === 'few' ? forms.few : forms.many;
    if (noun !== expected) problems.push(`ru: «${count} ${noun}» should be «${count} ${expected}»`);
  }
  return problems;
}
