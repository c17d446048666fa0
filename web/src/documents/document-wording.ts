import { cancellationAndReinstatementMessages } from '../../../shared/domain/messages/cancellation-and-reinstatement.ts';
import { groundCategory, groundCategoryMessage } from '../../../shared/domain/public-grounds.ts';
import type { DocumentContext, UnitKind } from './document-context.ts';
import type { DocumentLanguage } from './document-text.ts';

/**
 * The phrases the documents share, in formal Kazakh and Russian (terms as in ../shared/glossary.md): the post a
 * candidate stands for, who nominated them, the law, and each legal ground in words.
 */
export type Route = 'party' | 'self' | 'akimat';
export type Nominator = { readonly partyId: string } | { readonly akimatDistrict: string } | null;

export const LAW = {
  kk: '«Қазақстан Республикасындағы сайлау туралы» Конституциялық заңның',
  ru: 'Конституционного закона «О выборах в Республике Казахстан»',
} as const;

const headNouns: Readonly<Record<string, string>> = {
  округ: 'округа',
  село: 'села',
  поселок: 'поселка',
  посёлок: 'посёлка',
  город: 'города',
  аул: 'аула',
};

/** An adjective in the genitive masculine/neuter («Актогайский» → «Актогайского»), or null if it is none. */
function adjectiveGenitive(word: string): string | null {
  if (/[кгх]ий$/u.test(word) || /ый$/u.test(word) || /ой$/u.test(word)) return `${word.slice(0, -2)}ого`;
  if (/ий$/u.test(word)) return `${word.slice(0, -2)}его`;
  return null;
}

/**
 * A unit's Russian name in the genitive: «Актогайский сельский округ» → «Актогайского сельского округа», «село
 * Акколь» → «села Акколь». Null for a name of another shape, which is then quoted after its kind.
 */
export function russianGenitiveOfUnit(name: string): string | null {
  const words = name.trim().split(/\s+/u);
  const head = words.findIndex((word) => Object.hasOwn(headNouns, word.toLowerCase()));
  if (head < 0) return null;
  const before = words.slice(0, head).map(adjectiveGenitive);
  if (before.some((word) => word === null)) return null;
  const headWord = words[head] as string;
  const declined = headNouns[headWord.toLowerCase()] as string;
  const cased =
    headWord[0] === headWord[0]?.toUpperCase() ? declined[0]?.toUpperCase() + declined.slice(1) : declined;
  return [...(before as string[]), cased, ...words.slice(head + 1)].join(' ');
}

const kindGenitiveRu: Readonly<Record<UnitKind, string>> = {
  village: 'села',
  settlement: 'поселка',
  'rural-district': 'сельского округа',
  'city-of-district-significance': 'города районного значения',
};

/** «Ақтоғай ауылдық округі әкімі лауазымына», «в акимы Актогайского сельского округа». */
export function postPhrase(context: DocumentContext, language: DocumentLanguage): string {
  const { unit } = context.election;
  if (language === 'kk') return `${unit.nameKk} әкімі лауазымына`;
  return `в акимы ${russianGenitiveOfUnit(unit.nameRu) ?? `${kindGenitiveRu[unit.kind]} «${unit.nameRu}»`}`;
}

function partyOf(context: DocumentContext, partyId: string): string {
  return context.partyName?.(partyId) ?? partyId;
}

/** Who nominated the candidate, as a clause: kk before «кандидат», ru after it (genitive). */
export function nominatedBy(
  route: Route,
  nominator: Nominator,
  context: DocumentContext,
  language: DocumentLanguage,
): string {
  const party = nominator !== null && 'partyId' in nominator ? partyOf(context, nominator.partyId) : '';
  if (language === 'kk') {
    if (route === 'party') return `«${party}» саяси партиясы ұсынған`;
    if (route === 'akimat') return 'аудан әкімі қосымша кандидат ретінде ұсынған';
    return 'өзін-өзі ұсыну тәртібімен ұсынылған';
  }
  if (route === 'party') return `выдвинутого политической партией «${party}»`;
  if (route === 'akimat') return 'выдвинутого акимом района в качестве дополнительного кандидата';
  return 'выдвинутого в порядке самовыдвижения';
}

/** Who nominated the candidate, for a table's cell. */
export function nominatorShort(
  route: Route,
  nominator: Nominator,
  context: DocumentContext,
  language: DocumentLanguage,
): string {
  const party = nominator !== null && 'partyId' in nominator ? partyOf(context, nominator.partyId) : '';
  if (language === 'kk') {
    if (route === 'party') return `«${party}» саяси партиясы`;
    if (route === 'akimat') return 'аудан әкімі (қосымша кандидат)';
    return 'өзін-өзі ұсыну';
  }
  if (route === 'party') return `политическая партия «${party}»`;
  if (route === 'akimat') return 'аким района (дополнительный кандидат)';
  return 'самовыдвижение';
}

const groundMessages: Readonly<
  Record<string, (details: Readonly<Record<string, unknown>>) => { readonly kk: string; readonly ru: string }>
> = cancellationAndReinstatementMessages;

/**
 * A legal ground of the election's list in words: the norm the candidate did not meet (the catalogue's category
 * text, with the law named in full); a ground the product does not know is quoted as the election lists it.
 */
export function groundInWords(ground: string, language: DocumentLanguage): string {
  const category = groundCategory(ground);
  if (category === 'other') {
    return language === 'kk'
      ? `Осы сайлаудың негіздер тізіміндегі «${ground}» негізі.`
      : `Основание «${ground}» из перечня оснований этих выборов.`;
  }
  const message = groundMessages[groundCategoryMessage[category]];
  return message === undefined ? `«${ground}»` : message({})[language];
}
