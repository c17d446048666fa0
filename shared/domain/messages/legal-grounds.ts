import type { LocalizedText } from '../language.ts';

/**
 * The legal grounds the domain cites in its short form ("CLE 113-2", "CLE 4 p.4", "LGA 39-3 p.8", "Civil
 * Service Law 19 p.1"), said in full as the glossary names the laws: a message is read on its own, so it names
 * the law in full. A short form this file cannot read gives null: the message then leaves the ground out rather
 * than show the short form (Latin) inside a Kazakh or Russian sentence.
 */

interface Law {
  /** The law in the genitive, for «…заңның 113-2-бабы». */
  readonly kk: string;
  /** The law in the genitive, for «статья 113-2 …». */
  readonly ru: string;
  readonly en: string;
}

const laws: Readonly<Record<string, Law>> = {
  CLE: {
    kk: '«Қазақстан Республикасындағы сайлау туралы» Конституциялық заңның',
    ru: 'Конституционного закона «О выборах в Республике Казахстан»',
    en: 'the Constitutional Law “On Elections in the Republic of Kazakhstan”',
  },
  LGA: {
    kk: '«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» Заңның',
    ru: 'Закона «О местном государственном управлении и самоуправлении в Республике Казахстан»',
    en: 'the Law “On Local State Administration and Self-Government in the Republic of Kazakhstan”',
  },
  'Civil Service Law': {
    kk: '«Қазақстан Республикасының мемлекеттік қызметі туралы» Заңның',
    ru: 'Закона «О государственной службе Республики Казахстан»',
    en: 'the Law “On the Civil Service of the Republic of Kazakhstan”',
  },
};

const SHORT_FORM = /^(CLE|LGA|Civil Service Law) (\d+(?:-\d+)?)(?: p\.\s?(\d+))?(?:\s*\(.*\))?$/;

/** A ground in full («…Конституциялық заңның 4-бабының 4-тармағы»), or null when its short form is not known. */
export function legalGround(ground: unknown): LocalizedText | null {
  const match = SHORT_FORM.exec(String(ground ?? '').trim());
  const law = match?.[1] === undefined ? undefined : laws[match[1]];
  if (match === null || law === undefined) return null;
  const article = match[2] ?? '';
  const paragraph = match[3];
  if (paragraph === undefined) {
    return {
      kk: `${law.kk} ${article}-бабы`,
      ru: `статья ${article} ${law.ru}`,
      en: `article ${article} of ${law.en}`,
    };
  }
  return {
    kk: `${law.kk} ${article}-бабының ${paragraph}-тармағы`,
    ru: `пункт ${paragraph} статьи ${article} ${law.ru}`,
    en: `article ${article}, paragraph ${paragraph} of ${law.en}`,
  };
}

/** «(құқықтық негізі: …)» after a sentence, or nothing when the ground is not known. */
export function groundNote(ground: unknown): LocalizedText {
  const text = legalGround(ground);
  if (text === null) return { kk: '', ru: '', en: '' };
  return {
    kk: ` (құқықтық негізі: ${text.kk})`,
    ru: ` (правовое основание: ${text.ru})`,
    en: ` (legal ground: ${text.en})`,
  };
}
