import { signatureReasonMessages } from '../../../shared/domain/messages/signature-reasons.ts';
import {
  type DocumentContext,
  dateAndNumber,
  issuerOf,
  localDateOfInstant,
  signatoriesOf,
} from './document-context.ts';
import type { DocumentLanguage, DocumentText } from './document-text.ts';
import { LAW, type Nominator, nominatedBy, postPhrase, type Route } from './document-wording.ts';

/**
 * The protocol of the check of a self-nominee's signature sheets (CLE 113-3): how many lines were checked, valid,
 * invalid and left unchecked by a sample, the threshold of 1% of the district's voters, the conclusion, and each
 * invalid line by sheet and line with its reason. From one verdict (submitSignatures' answer, or the job's result)
 * and the moment it was recorded (the SignaturesVerified event of the case's trail). No signer's IIN or name is
 * printed: a line is named by its place on the sheets.
 */
export interface SignatureVerdict {
  readonly validCount: number;
  readonly required: number;
  readonly shortfall: number;
  readonly sufficient: boolean;
  readonly rejectedCount: number;
  readonly notChecked?: number;
  readonly rejected: readonly {
    readonly sheet: number;
    readonly line: number;
    readonly reason: string | null;
    readonly firstCounted?: { readonly sheet: number; readonly line: number };
  }[];
}

const reasonMessages: Readonly<Record<string, () => { readonly kk: string; readonly ru: string }>> =
  signatureReasonMessages;

/** Why a line is invalid, in words; a DUPLICATE_SIGNER line also says where the signer was counted first. */
function reasonText(line: SignatureVerdict['rejected'][number], language: DocumentLanguage): string {
  const code = line.reason ?? '';
  const message = Object.hasOwn(reasonMessages, code) ? reasonMessages[code] : undefined;
  const text = message === undefined ? `«${code}»` : message()[language];
  if (line.firstCounted === undefined) return text;
  const { sheet, line: at } = line.firstCounted;
  return language === 'kk'
    ? `${text} (алғаш ${sheet}-парақтың ${at}-жолында есептелген)`
    : `${text} (впервые учтена: лист ${sheet}, строка ${at})`;
}

export function signatureProtocol(
  candidate: { readonly fullName: string; readonly route: Route; readonly nominator: Nominator },
  verdict: SignatureVerdict,
  recorded: { readonly at: string; readonly number?: string | null },
  context: DocumentContext,
  language: DocumentLanguage,
): DocumentText {
  const post = postPhrase(context, language);
  const notChecked = verdict.notChecked ?? 0;
  const lines = verdict.validCount + verdict.rejectedCount + notChecked;
  const kk = language === 'kk';
  const counts = kk
    ? [
        `Тексерілген жолдар: ${lines - notChecked}.`,
        `Жарамды қолдар: ${verdict.validCount}.`,
        `Жарамсыз қолдар: ${verdict.rejectedCount}.`,
        ...(notChecked > 0 ? [`Іріктеп тексеру кезінде тексерілмеген жолдар: ${notChecked}.`] : []),
        `Қажетті қолдар саны (округ сайлаушыларының кемінде 1%): ${verdict.required}.`,
      ]
    : [
        `Проверено строк: ${lines - notChecked}.`,
        `Действительных подписей: ${verdict.validCount}.`,
        `Недействительных подписей: ${verdict.rejectedCount}.`,
        ...(notChecked > 0 ? [`Не проверено строк при выборочной проверке: ${notChecked}.`] : []),
        `Необходимо подписей (не менее 1% избирателей округа): ${verdict.required}.`,
      ];
  const conclusion = verdict.sufficient
    ? kk
      ? 'Жарамды қолдар саны жеткілікті.'
      : 'Количество действительных подписей достаточно.'
    : kk
      ? `Жарамды қолдар саны жеткіліксіз: тағы ${verdict.shortfall} қол қажет.`
      : `Количество действительных подписей недостаточно: не хватает ${verdict.shortfall}.`;
  const rows = [...verdict.rejected]
    .sort((a, b) => a.sheet - b.sheet || a.line - b.line)
    .map((line) => [String(line.sheet), String(line.line), reasonText(line, language)]);
  return {
    language,
    issuer: issuerOf(context, language),
    kind: kk ? 'ХАТТАМА' : 'ПРОТОКОЛ',
    dateAndNumber: dateAndNumber(
      localDateOfInstant(recorded.at, context.election.timeZone),
      recorded.number,
      language,
    ),
    subject: kk
      ? `${post} ${nominatedBy(candidate.route, candidate.nominator, context, language)} кандидатты (${candidate.fullName}) қолдайтын қол қою парақтарын тексеру туралы`
      : `проверки подписных листов в поддержку кандидата ${post} — ${candidate.fullName}`,
    body: [
      kk
        ? `${LAW.kk} 113-3-бабына сәйкес қол қою парақтары тексерілді.`
        : `Подписные листы проверены в соответствии со статьёй 113-3 ${LAW.ru}.`,
      ...counts,
      conclusion,
    ],
    operative: null,
    table:
      rows.length === 0
        ? null
        : {
            caption: kk ? 'Жарамсыз деп танылған жолдар' : 'Строки, признанные недействительными',
            columns: kk ? ['Парақ', 'Жол', 'Себебі'] : ['Лист', 'Строка', 'Причина'],
            rows,
          },
    signatories: signatoriesOf(context, language),
  };
}
