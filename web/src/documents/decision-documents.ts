import {
  type DocumentContext,
  dateAndNumber,
  issuerOf,
  localDateOfInstant,
  signatoriesOf,
} from './document-context.ts';
import { BLANK, type DocumentLanguage, type DocumentText } from './document-text.ts';
import {
  groundInWords,
  LAW,
  type Nominator,
  nominatedBy,
  postPhrase,
  type Route,
} from './document-wording.ts';

/**
 * The commission's decisions on a candidate as printable documents, each from the one decision record the case
 * holds (getCase's `decisions`): the registration, the refusal of registration with its grounds, the cancellation
 * of a registration with its grounds (CLE 113-5). The date is the decision's own, in the election's local time; the
 * number is `details.number` where the record has one. A case without the decision asked for has no such document:
 * the function says so by returning null, and the desk offers no print button.
 */
export interface DecisionRecord {
  readonly at: string;
  readonly outcome: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface CaseForDocuments {
  readonly route: Route;
  readonly nominator: Nominator;
  readonly candidate: { readonly fullName: string };
  readonly decisions: {
    readonly 'registration-decision'?: DecisionRecord;
    readonly cancellation?: DecisionRecord;
  };
}

export type DecisionDocumentKind = 'registration' | 'refusal' | 'cancellation';

/** The decision documents a case has: a registration or a refusal, and a cancellation once there is one. */
export function decisionDocumentsOf(c: CaseForDocuments): DecisionDocumentKind[] {
  const decision = c.decisions['registration-decision']?.outcome;
  return [
    ...(decision === 'registered' ? (['registration'] as const) : []),
    ...(decision === 'refused' ? (['refusal'] as const) : []),
    ...(c.decisions.cancellation !== undefined ? (['cancellation'] as const) : []),
  ];
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function recordOf(c: CaseForDocuments, kind: DecisionDocumentKind): DecisionRecord | null {
  const registration = c.decisions['registration-decision'];
  if (kind === 'registration') return registration?.outcome === 'registered' ? registration : null;
  if (kind === 'refusal') return registration?.outcome === 'refused' ? registration : null;
  return c.decisions.cancellation ?? null;
}

const subjects: Readonly<Record<DecisionDocumentKind, Record<DocumentLanguage, (post: string) => string>>> = {
  registration: {
    kk: (post) => `${post} кандидатты тіркеу туралы`,
    ru: (post) => `О регистрации кандидата ${post}`,
  },
  refusal: {
    kk: (post) => `${post} кандидатты тіркеуден бас тарту туралы`,
    ru: (post) => `Об отказе в регистрации кандидата ${post}`,
  },
  cancellation: {
    kk: (post) => `${post} кандидатты тіркеудің күшін жою туралы`,
    ru: (post) => `Об отмене регистрации кандидата ${post}`,
  },
};

function operativePoints(
  kind: DecisionDocumentKind,
  name: string,
  post: string,
  language: DocumentLanguage,
): string[] {
  if (language === 'kk') {
    if (kind === 'registration') {
      return [
        `${name} ${post} кандидат ретінде тіркелсін.`,
        `Тіркелген кандидат туралы мәліметтер ${LAW.kk} 113-5-бабының 9-тармағына сәйкес жариялансын.`,
      ];
    }
    if (kind === 'refusal') return [`${name} ${post} кандидат ретінде тіркеуден бас тартылсын.`];
    return [`${name} ${post} кандидат ретінде тіркеудің күші жойылсын.`];
  }
  if (kind === 'registration') {
    return [
      `Зарегистрировать кандидата ${post} — ${name}.`,
      `Опубликовать сведения о зарегистрированном кандидате в соответствии с пунктом 9 статьи 113-5 ${LAW.ru}.`,
    ];
  }
  if (kind === 'refusal') return [`Отказать в регистрации кандидату ${post} — ${name}.`];
  return [`Отменить регистрацию кандидата ${post} — ${name}.`];
}

/** The decision as a document in `language`, or null when the case has no such decision. */
export function decisionDocument(
  c: CaseForDocuments,
  kind: DecisionDocumentKind,
  context: DocumentContext,
  language: DocumentLanguage,
): DocumentText | null {
  const record = recordOf(c, kind);
  if (record === null) return null;
  const post = postPhrase(context, language);
  const name = c.candidate.fullName;
  const by = nominatedBy(c.route, c.nominator, context, language);
  const considered =
    language === 'kk'
      ? `${LAW.kk} 113-5-бабын басшылыққа ала отырып, ${by} ${post} кандидатты (${name}) тіркеу үшін ұсынылған құжаттарды қарап, аумақтық сайлау комиссиясы`
      : `Рассмотрев документы, представленные для регистрации кандидата ${post} — ${name}, ${by}, и руководствуясь статьёй 113-5 ${LAW.ru}, территориальная избирательная комиссия`;
  const grounds = stringsOf(record.details.grounds);
  const reasons = typeof record.details.reasons === 'string' ? record.details.reasons.trim() : '';
  const groundsBody =
    kind === 'registration'
      ? []
      : [
          language === 'kk'
            ? `${kind === 'refusal' ? 'Тіркеуден бас тарту' : 'Тіркеудің күшін жою'} негіздері:`
            : `Основания ${kind === 'refusal' ? 'отказа в регистрации' : 'отмены регистрации'}:`,
          ...(grounds.length === 0
            ? [BLANK]
            : grounds.map((g, i) => `${i + 1}) ${groundInWords(g, language)}`)),
          `${language === 'kk' ? 'Комиссияның негіздемесі' : 'Обоснование комиссии'}: ${reasons === '' ? BLANK : reasons}`,
        ];
  return {
    language,
    issuer: issuerOf(context, language),
    kind: language === 'kk' ? 'ШЕШІМ' : 'РЕШЕНИЕ',
    dateAndNumber: dateAndNumber(
      localDateOfInstant(record.at, context.election.timeZone),
      record.details.number,
      language,
    ),
    subject: subjects[kind][language](post),
    body: [
      `${considered}${kind === 'registration' ? '' : language === 'kk' ? ' анықтады:' : ' установила:'}`,
      ...groundsBody,
    ],
    operative: {
      lead: language === 'kk' ? 'ШЕШІМ ҚАБЫЛДАДЫ:' : 'РЕШИЛА:',
      points: operativePoints(kind, name, post, language),
    },
    table: null,
    signatories: signatoriesOf(context, language),
  };
}
