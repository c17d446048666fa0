import {
  type DocumentContext,
  dateAndNumber,
  documentDate,
  issuerOf,
  localDateOfInstant,
  signatoriesOf,
} from './document-context.ts';
import type { DocumentLanguage, DocumentText } from './document-text.ts';
import { LAW, type Nominator, nominatorShort, postPhrase, type Route } from './document-wording.ts';

/**
 * The list of registered candidates as the commission publishes it (CLE 113-5 p.9), from listCandidates: each
 * candidate's name, who nominated them and the day of registration; nothing personal. Dated the moment the desk
 * read the list (the engine's clock); `final` says whether it can still change, and the document says so too.
 */
export interface ListedCandidate {
  readonly fullName: string;
  readonly route: Route;
  readonly nominator: Nominator;
  readonly registeredAt: string | null;
}

export function registeredList(
  list: { readonly candidates: readonly ListedCandidate[]; readonly final: boolean },
  asOf: { readonly at: string; readonly number?: string | null },
  context: DocumentContext,
  language: DocumentLanguage,
): DocumentText {
  const kk = language === 'kk';
  const zone = context.election.timeZone;
  const post = postPhrase(context, language);
  const day = documentDate(context.election.electionDay, language);
  const rows = list.candidates.map((c, index) => [
    String(index + 1),
    c.fullName,
    nominatorShort(c.route, c.nominator, context, language),
    c.registeredAt === null ? '' : documentDate(localDateOfInstant(c.registeredAt, zone), language),
  ]);
  return {
    language,
    issuer: issuerOf(context, language),
    kind: kk ? 'ТІЗІМ' : 'СПИСОК',
    dateAndNumber: dateAndNumber(localDateOfInstant(asOf.at, zone), asOf.number, language),
    subject: kk ? `${post} тіркелген кандидаттардың тізімі` : `зарегистрированных кандидатов ${post}`,
    body: [
      kk ? `Сайлау күні: ${day}.` : `День выборов: ${day}`,
      kk
        ? `${LAW.kk} 113-5-бабының 9-тармағына сәйкес жарияланады.`
        : `Публикуется в соответствии с пунктом 9 статьи 113-5 ${LAW.ru}.`,
      ...(list.final
        ? []
        : [
            kk
              ? 'Тізім түпкілікті емес: тіркеудің күшін жою немесе қалпына келтіру оны әлі өзгертуі мүмкін.'
              : 'Список не окончательный: отмена регистрации или восстановление ещё могут его изменить.',
          ]),
      ...(rows.length === 0 ? [kk ? 'Тіркелген кандидат жоқ.' : 'Зарегистрированных кандидатов нет.'] : []),
    ],
    operative: null,
    table:
      rows.length === 0
        ? null
        : {
            caption: kk ? 'Тіркелген кандидаттар' : 'Зарегистрированные кандидаты',
            columns: kk
              ? ['№', 'Тегі, аты, әкесінің аты', 'Кім ұсынды', 'Тіркелген күні']
              : ['№', 'Фамилия, имя, отчество', 'Кем выдвинут', 'Дата регистрации'],
            rows,
          },
    signatories: signatoriesOf(context, language),
  };
}
