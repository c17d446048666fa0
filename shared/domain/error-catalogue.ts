import type { LocalizedText } from './language.ts';
import { accountDirectoryMessages } from './messages/account-directory.ts';
import { accountMessages } from './messages/accounts.ts';
import { additionalCandidateWindowMessages } from './messages/additional-candidate-window.ts';
import { administratorAccountMessages } from './messages/administrator-accounts.ts';
import { calendarAndRegistrationMessages } from './messages/calendar-and-registration.ts';
import { callingCheckMessages } from './messages/calling-checks.ts';
import { cancellationAndReinstatementMessages } from './messages/cancellation-and-reinstatement.ts';
import { caseEventName, caseStatusName, entityName, stepName } from './messages/case-terms.ts';
import { communityMeetingMessages } from './messages/community-meeting.ts';
import { type Details, num, s, type Template } from './messages/details.ts';
import { eligibilityFindingMessages } from './messages/eligibility-findings.ts';
import { inboxMessages } from './messages/inbox.ts';
import { groundNote } from './messages/legal-grounds.ts';
import { nominatorAccountMessages } from './messages/nominator-accounts.ts';
import { noticeMessages } from './messages/notices.ts';
import { recordedDateMessages } from './messages/recorded-dates.ts';
import { reinstatementHistoryMessages } from './messages/reinstatement-history.ts';
import { requestValidationMessages } from './messages/request-validation.ts';
import { signInGuardMessages } from './messages/sign-in-guard.ts';
import { signatureReasonMessages } from './messages/signature-reasons.ts';
import { signatureSamplingMessages } from './messages/signature-sampling.ts';
import {
  dateInWords,
  joined,
  literal,
  momentInWords,
  russianCount,
  russianDays,
} from './messages/wording.ts';

/**
 * Every message the product shows, by stable code, in kk/ru/en: each whole in its language (terms as in
 * ../shared/glossary.md), dates and times in the election's local time, the legal ground where one applies.
 * Details are facts about the request or the case, never personal data, so messages may quote them; API names in
 * details (a status, a document kind) are said in words (`messages/case-terms.ts`), values a person typed are
 * quoted («…»). Areas with many codes of their own keep them in `messages/<area>.ts`, spread in below.
 */
export type { Details, Template } from './messages/details.ts';

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** «1) Құжаттар жетіспейді: өтініш (құқықтық негізі: …).» */
function numbered(n: number, text: LocalizedText): LocalizedText {
  return { kk: `${n}) ${text.kk}.`, ru: `${n}) ${text.ru}.`, en: `${n}) ${text.en}.` };
}

/**
 * One finding of the eligibility check in a sentence: its own text, without its full stop, and its legal ground.
 * Findings are given as `{ code, ground, details }`; a bare code (an error recorded by an older version) has none.
 */
function findingInWords(finding: unknown): LocalizedText {
  const { code, ground, details } =
    typeof finding === 'object' && finding !== null
      ? (finding as { code?: unknown; ground?: unknown; details?: unknown })
      : { code: finding, ground: undefined, details: undefined };
  const text = messageOfCode(
    String(code),
    typeof details === 'object' && details !== null ? (details as Details) : {},
  );
  const note = groundNote(ground);
  const bare = (t: string) => t.replace(/\.$/, '');
  return { kk: bare(text.kk) + note.kk, ru: bare(text.ru) + note.ru, en: bare(text.en) + note.en };
}

/** The rules of the law and of the flow; moments in the election's local time (`timeZone` beside them). */
const ruleMessages = {
  NOMINATION_NOT_OPEN: (d) => {
    const at = momentInWords(d.opensAt, d.timeZone);
    return {
      kk: `Кандидаттарды ұсыну ${at.kk} басталады.`,
      ru: `Выдвижение кандидатов начинается ${at.ru}.`,
      en: `Nomination opens on ${at.en}.`,
    };
  },
  NOMINATION_CLOSED: (d) => {
    const at = momentInWords(d.closedAt, d.timeZone);
    return {
      kk: `Кандидаттарды ұсыну ${at.kk} аяқталды.`,
      ru: `Выдвижение кандидатов завершилось ${at.ru}.`,
      en: `Nomination closed on ${at.en}.`,
    };
  },
  ADDITIONAL_CANDIDATE_NOT_ALLOWED: (d) => {
    const ground = groundNote('CLE 113-3 p.6');
    const count =
      typeof d.liveNominations === 'number'
        ? {
            kk: `Ұсыну аяқталғанда кандидаттар саны: ${d.liveNominations}.`,
            ru: `По окончании выдвижения кандидатов: ${d.liveNominations}.`,
            en: `Candidates at the close: ${d.liveNominations}.`,
          }
        : {
            kk: 'Кандидаттарды ұсыну әлі аяқталған жоқ.',
            ru: 'Выдвижение кандидатов ещё не завершено.',
            en: 'Nomination has not closed yet.',
          };
    return {
      kk: `Аудан әкімі қосымша кандидатты ұсыну аяқталғанда кандидат болмаса не біреу ғана болса ғана ұсына алады${ground.kk}. ${count.kk}`,
      ru: `Аким района вправе выдвинуть дополнительного кандидата, только если по окончании выдвижения нет кандидатов или выдвинут один${ground.ru}. ${count.ru}`,
      en: `The district akim may put forward an additional candidate only when nomination closed with no candidate or a single one${ground.en}. ${count.en}`,
    };
  },
  ADDITIONAL_CANDIDATE_WINDOW_CLOSED: (d) => {
    const at = momentInWords(d.closedAt, d.timeZone);
    return {
      kk: `Қосымша кандидатты ұсыну мерзімі ${at.kk} өтті.`,
      ru: `Срок выдвижения дополнительного кандидата истёк ${at.ru}.`,
      en: `The window for an additional candidate closed on ${at.en}.`,
    };
  },
  ADDITIONAL_CANDIDATE_LIMIT_REACHED: (d) => ({
    kk: `Қосымша кандидат ұсыныстарының шегі (${s(d.limit)}) таусылды.`,
    ru: `Исчерпан предел предложений дополнительного кандидата (${s(d.limit)}).`,
    en: `The limit of additional-candidate proposals (${s(d.limit)}) is used up.`,
  }),
  SUBMISSION_LIMIT_REACHED: (d) => {
    const on = dateInWords(d.on);
    return {
      kk: `Бұл іс бойынша ${on.kk} қол қою парақтары ${s(d.limit)} рет тапсырылды, бұл — бір күндік шек. Келесі күні тапсырыңыз; бірнеше парақты бір рет тапсыруға болады.`,
      ru: `По этому делу ${on.ru} подписные листы подавались ${russianCount(num(d.limit), { one: 'раз', few: 'раза', many: 'раз' })}: это предел на один день. Подайте на следующий день; несколько листов можно подать за один раз.`,
      en: `Signature sheets were submitted ${s(d.limit)} times for this case on ${on.en}: that is the limit for one day. Submit on the next day; several sheets can go in one submission.`,
    };
  },
  NOT_A_PARTY_MEMBER: () => {
    const ground = groundNote('CLE 113-3');
    return {
      kk: `Саяси партия тек өз мүшесін ұсына алады${ground.kk}.`,
      ru: `Политическая партия может выдвинуть только своего члена${ground.ru}.`,
      en: `A party may nominate only one of its members${ground.en}.`,
    };
  },
  PARTY_NOMINEE_EXISTS: (d) => ({
    kk: `Бұл партияның осы сайлауда кандидаты бар (іс ${literal(d.caseId)}).`,
    ru: `У этой партии уже есть кандидат на этих выборах (дело ${literal(d.caseId)}).`,
    en: `This party already has a nominee in this election (case ${literal(d.caseId)}).`,
  }),
  ADDITIONAL_CANDIDATE_PENDING: (d) => ({
    kk: `Аудан әкімінің қосымша кандидаты қаралуда (іс ${literal(d.caseId)}); жаңасын ол шешілгеннен кейін ұсынуға болады.`,
    ru: `Дополнительный кандидат акима района ещё рассматривается (дело ${literal(d.caseId)}); новое предложение — после решения по нему.`,
    en: `The district akim’s additional candidate is still under way (case ${literal(d.caseId)}); propose another once it is decided.`,
  }),
  CANDIDATE_ALREADY_NOMINATED: (d) => ({
    kk: `Бұл адам осы сайлауда бұрын ұсынылған (іс ${literal(d.caseId)}).`,
    ru: `Этот человек уже выдвинут на этих выборах (дело ${literal(d.caseId)}).`,
    en: `This person is already nominated in this election (case ${literal(d.caseId)}).`,
  }),
  CONSENT_NOTICE_TOO_SHORT: (d) => {
    const ground = groundNote('LGA 39-3 p.8');
    return {
      kk: `Жергілікті қоғамдастық жиналысының мүшелеріне жиналыс туралы кемінде ${s(d.minimumDays)} күн бұрын хабарлануы керек${ground.kk}.`,
      ru: `Члены собрания местного сообщества должны быть оповещены о собрании не менее чем за ${russianDays(num(d.minimumDays))}${ground.ru}.`,
      en: `Members of the local community meeting must be notified at least ${s(d.minimumDays)} days ahead${ground.en}.`,
    };
  },
  INVALID_TRANSITION: (d) => {
    const event = caseEventName(d.event);
    const status = caseStatusName(d.status);
    return {
      kk: `Істің қазіргі күйінде «${event.kk}» әрекеті жасалмайды; істің күйі: ${status.kk}.`,
      ru: `Действие «${event.ru}» невозможно в нынешнем состоянии дела: ${status.ru}.`,
      en: `“${event.en}” is not possible for the case as it stands: ${status.en}.`,
    };
  },
  STEP_ALREADY_DECIDED: (d) => {
    const step = stepName(d.step);
    const status = caseStatusName(d.status);
    return {
      kk: `«${step.kk}» қадамы бойынша шешім қабылданып қойған; істің күйі: ${status.kk}.`,
      ru: `Решение по шагу «${step.ru}» уже принято; состояние дела: ${status.ru}.`,
      en: `The step “${step.en}” is already decided; the case is: ${status.en}.`,
    };
  },
  CONCURRENT_UPDATE: (d) => ({
    kk: `Іс басқа сұраныспен өзгертілді; қайта оқып, қайталаңыз (нұсқа ${s(d.version)}).`,
    ru: `Дело изменено другим запросом; перечитайте и повторите (версия ${s(d.version)}).`,
    en: `The case was changed by another request; reload and retry (version ${s(d.version)}).`,
  }),
  // Field names stay in `details.fields` for whoever mends the record; the sentence names none.
  RECORD_UNREADABLE: (d) => {
    const record = entityName(d.record);
    return {
      kk: `Сақталған жазба (${record.kk}, ${literal(d.id)}) оқылмайды: оның кейбір өрістері қате. Жүйе әкімшісіне хабарлаңыз.`,
      ru: `Сохранённая запись (${record.ru}, ${literal(d.id)}) не читается: часть её полей ошибочна. Сообщите администратору системы.`,
      en: `The stored record (${record.en}, ${literal(d.id)}) cannot be read: its fields ${s(d.fields)} are wrong. Tell the system administrator.`,
    };
  },
  DEADLINE_PASSED: (d) => {
    const step = stepName(d.step);
    const at = momentInWords(d.deadline, d.timeZone);
    return {
      kk: `«${capitalized(step.kk)}» қадамының мерзімі ${at.kk} өтті.`,
      ru: `Срок шага «${step.ru}» истёк ${at.ru}.`,
      en: `The deadline for ${step.en} passed on ${at.en}.`,
    };
  },
  REGISTRATION_BLOCKED: (d) => {
    const findings = joined(
      (Array.isArray(d.findings) ? d.findings : []).map((finding, i) =>
        numbered(i + 1, findingInWords(finding)),
      ),
      ' ',
    );
    return {
      kk: `Аумақтық сайлау комиссиясы кандидатты тіркей алмайды. ${findings.kk}`,
      ru: `Территориальная избирательная комиссия не может зарегистрировать кандидата. ${findings.ru}`,
      en: `The territorial election commission cannot register the candidate. ${findings.en}`,
    };
  },
  ELECTION_ALREADY_CALLED: (d) => ({
    kk: `Бұл әкімшілік-аумақтық бірлікте осы күнге сайлау тағайындалған (${literal(d.electionId)}).`,
    ru: `Выборы в этой административно-территориальной единице на этот день уже назначены (${literal(d.electionId)}).`,
    en: `An election of this unit on this day is already called (${literal(d.electionId)}).`,
  }),
  VOTER_UNDER_18: () => ({
    kk: 'Сайлау күні бұл адам 18 жасқа толмайды: сайлаушылар тізіміне кірмейді.',
    ru: 'Ко дню выборов этому человеку не исполнится 18 лет: в список избирателей не входит.',
    en: 'This person is not 18 on election day and cannot be on the voter list.',
  }),
  // Rows of an uploaded file are named by their line in it; rows of a JSON body by their place in the list.
  DUPLICATE_VOTER: (d) =>
    d.firstLine === undefined
      ? {
          kk: `Бұл ЖСН тізімде екі рет кездеседі: ${s(d.entry)}-жазба ${s(d.firstEntry)}-жазбаны қайталайды.`,
          ru: `Этот ИИН встречается в списке дважды: запись ${s(d.entry)} повторяет запись ${s(d.firstEntry)}.`,
          en: `This IIN appears twice in the list: entry ${s(d.entry)} repeats entry ${s(d.firstEntry)}.`,
        }
      : {
          kk: `Бұл ЖСН тізімде екі рет кездеседі: ${s(d.line)}-жол ${s(d.firstLine)}-жолды қайталайды.`,
          ru: `Этот ИИН встречается в списке дважды: строка ${s(d.line)} повторяет строку ${s(d.firstLine)}.`,
          en: `This IIN appears twice in the list: line ${s(d.line)} repeats line ${s(d.firstLine)}.`,
        },
  SIGNATURE_POSITION_REPEATED: (d) => ({
    kk: `${s(d.sheet)}-парақтың ${s(d.line)}-жолы осы тапсыруда екі рет берілген (${s(d.first)} және ${s(d.again)} жазбалар): ештеңе есептелмеді.`,
    ru: `Лист ${s(d.sheet)}, строка ${s(d.line)} указаны в этой подаче дважды (записи ${s(d.first)} и ${s(d.again)}): ничего не засчитано.`,
    en: `Sheet ${s(d.sheet)}, line ${s(d.line)} appears twice in this submission (entries ${s(d.first)} and ${s(d.again)}): nothing was counted.`,
  }),
  CSV_ENCODING_LOST: () => ({
    kk: 'CSV файлының әріптері жолда жоғалды: шлюз мәтінді тек UTF-8 ретінде оқиды. Файлды «CSV UTF-8» немесе XLSX ретінде сақтап, қайта жіберіңіз.',
    ru: 'Буквы CSV-файла потерялись в пути: шлюз читает текст только как UTF-8. Сохраните файл как «CSV UTF-8» или XLSX и отправьте снова.',
    en: 'The CSV file’s letters were lost on the way: the gateway reads text as UTF-8 only. Save the file as “CSV UTF-8” or XLSX and send it again.',
  }),
  INVALID_ENCODING: () => ({
    kk: 'Сұраныс мәтіні UTF-8 кодтауында болуы керек.',
    ru: 'Текст запроса должен быть в кодировке UTF-8.',
    en: 'The request text must be encoded in UTF-8.',
  }),
  NESTED_TOO_DEEP: (d) => ({
    kk: `Деректер тым терең салынған (ең көбі ${s(d.maximum)} деңгей).`,
    ru: `Данные вложены слишком глубоко (не более ${russianCount(num(d.maximum), { one: 'уровня', few: 'уровней', many: 'уровней' })}).`,
    en: `The data is nested too deeply (at most ${s(d.maximum)} levels).`,
  }),
  HOST_NOT_ALLOWED: () => ({
    kk: `Жергілікті қозғалтқыш тек осы компьютердегі мекенжай арқылы (127.0.0.1, ${literal('localhost')}) жауап береді.`,
    ru: `Локальный движок отвечает только по адресу этого компьютера (127.0.0.1, ${literal('localhost')}).`,
    en: 'The local engine answers only at this computer’s own address (127.0.0.1, localhost).',
  }),
  OPERATOR_TOKEN_REQUIRED: () => ({
    kk: 'Бұл әкімшілік әрекетке оператордың токені керек («npm run token -- --role operator»).',
    ru: 'Для этого служебного действия нужен токен оператора («npm run token -- --role operator»).',
    en: 'This administrative call needs an operator token (npm run token -- --role operator).',
  }),
  UNAUTHORIZED: () => ({
    kk: 'Жарамды кіру токені керек.',
    ru: 'Нужен действительный токен доступа.',
    en: 'A valid access token is required.',
  }),
  PAYLOAD_TOO_LARGE: (d) => ({
    kk: `Сұраныс тым үлкен (ең көбі ${s(d.maximumBytes)} байт).`,
    ru: `Запрос слишком велик (не более ${russianCount(num(d.maximumBytes), { one: 'байта', few: 'байт', many: 'байт' })}).`,
    en: `The request is too large (at most ${s(d.maximumBytes)} bytes).`,
  }),
  TEXT_HOLDS_IIN: () => ({
    kk: 'Мәтінде ЖСН-ге ұқсас он екі цифр бар. Бұл мәтін іс тарихында біржола сақталады және онда дербес деректер болмауы керек: қол қоюшыны парақ пен жол нөмірімен атаңыз.',
    ru: 'В тексте есть двенадцать цифр, похожих на ИИН. Этот текст навсегда остаётся в истории дела и не должен содержать персональных данных: укажите подписавшего номером листа и строки.',
    en: 'The text holds twelve digits that look like an IIN. It stays on the case’s history for good and may hold no personal data: name a signer by sheet and line instead.',
  }),
  RESPONSE_TOO_LARGE: (d) => ({
    kk: `Жауап тым үлкен (ең көбі ${s(d.maximumBytes)} байт) және жіберілмеді. Сұрауды тарылтыңыз немесе жүйе әкімшісіне хабарлаңыз.`,
    ru: `Ответ слишком велик (не более ${russianCount(num(d.maximumBytes), { one: 'байта', few: 'байт', many: 'байт' })}) и не отправлен. Сузьте запрос или сообщите администратору системы.`,
    en: `The answer is too large (at most ${s(d.maximumBytes)} bytes) and was not sent. Narrow the request or tell the system administrator.`,
  }),
  ROUTE_NOT_FOUND: () => ({
    kk: 'Мұндай әрекет жоқ.',
    ru: 'Такой операции нет.',
    en: 'There is no such operation.',
  }),
  IDEMPOTENCY_KEY_REUSED: () => ({
    kk: `Бұл ${literal('Idempotency-Key')} кілті басқа сұранысқа қолданылған.`,
    ru: `Этот ключ ${literal('Idempotency-Key')} уже использован для другого запроса.`,
    en: 'This Idempotency-Key was used for a different request.',
  }),
  REQUEST_IN_PROGRESS: () => ({
    kk: 'Осы кілтпен сұраныс әлі орындалуда; сәлден соң қайталаңыз.',
    ru: 'Запрос с этим ключом ещё выполняется; повторите чуть позже.',
    en: 'A request with this key is still running; retry shortly.',
  }),
  UNSUPPORTED_MEDIA_TYPE: () => ({
    kk: 'Сұраныстың денесі JSON болуы керек; сайлаушылар тізімі мен қол қою парақтары JSON Lines, CSV (UTF-8 не Windows-1251) немесе XLSX түрінде де қабылданады.',
    ru: 'Тело запроса должно быть в JSON; список избирателей и подписные листы принимаются также в JSON Lines, CSV (UTF-8 или Windows-1251) или XLSX.',
    en: 'The body must be JSON; voter lists and signature sheets are also taken as JSON Lines, CSV (UTF-8 or Windows-1251) or XLSX.',
  }),
  SPREADSHEET_TOO_LARGE: (d) => ({
    kk: `XLSX файлы оқуға тым үлкен: ашылған күйінде ${s(d.maximumMegabytes)} МБ-тан, парақтары ${s(d.maximumRow)}-жолдан және ${literal(d.maximumColumn)} бағанынан аспауы керек.`,
    ru: `Файл XLSX слишком велик для чтения: в распакованном виде не более ${s(d.maximumMegabytes)} МБ, листы не дальше строки ${s(d.maximumRow)} и столбца ${literal(d.maximumColumn)}.`,
    en: `The XLSX file is too large to read: at most ${s(d.maximumMegabytes)} MB unpacked, its sheets no further than row ${s(d.maximumRow)} and column ${s(d.maximumColumn)}.`,
  }),
  INTERNAL: () => ({
    kk: 'Ішкі қате. Сұранысты кейінірек қайталаңыз.',
    ru: 'Внутренняя ошибка. Повторите запрос позже.',
    en: 'Internal error. Please retry later.',
  }),
  FORBIDDEN: () => ({
    kk: 'Бұл әрекетке рұқсатыңыз жоқ.',
    ru: 'У вас нет права на это действие.',
    en: 'You are not allowed to do this.',
  }),
  REGISTER_AFTER_CLOSE: (d) => {
    const at = momentInWords(d.closedAt, d.timeZone);
    return {
      kk: `Кандидаттарды ұсыну ${at.kk} аяқталды: сайлаушылар тізімін енді ауыстыруға болмайды, қолдар бұрынғы тізім бойынша есептелді.`,
      ru: `Выдвижение кандидатов завершилось ${at.ru}: список избирателей больше нельзя заменить, подписи подсчитаны по прежнему списку.`,
      en: `Nomination closed on ${at.en}: the voter list can no longer be replaced, the signatures were counted on the one before.`,
    };
  },
  VOTER_REGISTER_MISSING: () => ({
    kk: 'Алдымен округтің сайлаушылар тізімін жүктеу керек: 1% шегі содан есептеледі.',
    ru: 'Сначала нужно загрузить список избирателей округа: от него считается порог в 1%.',
    en: 'Import the district’s voter list first: the 1% threshold is computed from it.',
  }),
  EVIDENCE_CURSOR_INVALID: () => ({
    kk: 'Бет белгісі (курсор) жарамсыз немесе басқа іске тиесілі. Дәлелдерді бірінші беттен бастап, белгісіз қайта сұраңыз.',
    ru: 'Указатель страницы (курсор) недействителен или относится к другому делу. Запросите материалы заново с первой страницы, без указателя.',
    en: 'The page cursor is invalid or belongs to another case. Ask for the evidence again from the first page, without a cursor.',
  }),
  JOBS_RUNNING: (d) => ({
    kk: `Сайлаудың ${s(d.jobs)} жаппай жұмысы әлі аяқталған жоқ; кандидаттарды ұсыну олар аяқталған соң жабылады.`,
    ru: `Не завершено пакетных заданий выборов: ${s(d.jobs)}; выдвижение кандидатов закроется после их завершения.`,
    en: `${s(d.jobs)} bulk jobs of the election are still at work; nomination closes once they end.`,
  }),
  UPLOAD_MISSING: () => ({
    kk: 'Бұл жүктеу табылмады: файл әлі жіберілмеген, оның мерзімі өткен немесе ол басқа құжатқа арналған. Жаңа жүктеу сұрап, файлды қайта жіберіңіз.',
    ru: 'Эта загрузка не найдена: файл ещё не отправлен, срок загрузки истёк или она сделана для другого документа. Запросите новую загрузку и отправьте файл снова.',
    en: 'This upload is not found: the file has not been sent yet, the upload has expired, or it was made for another document. Ask for a new upload and send the file again.',
  }),
  UPLOAD_URL_INVALID: () => ({
    kk: 'Жүктеу сілтемесі жарамсыз немесе оның мерзімі өткен. Жаңа жүктеу сұраңыз.',
    ru: 'Ссылка для загрузки недействительна или её срок истёк. Запросите новую загрузку.',
    en: 'The upload link is invalid or has expired. Ask for a new upload.',
  }),
  UPLOAD_ALREADY_SENT: () => ({
    kk: 'Бұл сілтеме бойынша файл жіберіліп қойған; оны ауыстыруға болмайды. Басқа файл үшін жаңа жүктеу сұраңыз.',
    ru: 'По этой ссылке файл уже отправлен, заменить его нельзя. Для другого файла запросите новую загрузку.',
    en: 'A file was already sent to this link and cannot be replaced. Ask for a new upload for another file.',
  }),
  UPLOAD_NOT_AS_DECLARED: (d) => ({
    kk: `Файл жүктеу сұралғандағыдай емес: түрі ${literal(d.contentType)}, көлемі ${s(d.bytes)} байт болуы керек.`,
    ru: `Файл не такой, как заявлен при запросе загрузки: тип должен быть ${literal(d.contentType)}, размер — ${russianCount(num(d.bytes), { one: 'байт', few: 'байта', many: 'байт' })}.`,
    en: `The file is not as declared when the upload was asked for: its type must be ${literal(d.contentType)} and its size ${s(d.bytes)} bytes.`,
  }),
  NOT_FOUND: (d) => {
    const entity = entityName(d.entity);
    return {
      kk: `Табылмады: ${entity.kk}.`,
      ru: `Не найдено: ${entity.ru}.`,
      en: `Not found: ${entity.en}.`,
    };
  },
} satisfies Record<string, Template>;

/** The areas' templates, one type: each area's codes with their own templates. */
type Merged<T extends readonly object[]> = T extends readonly [
  infer First,
  ...infer Rest extends readonly object[],
]
  ? First & Merged<Rest>
  : unknown;

function merged<const T extends readonly Readonly<Record<string, Template>>[]>(...areas: T): Merged<T> {
  return Object.assign({}, ...areas);
}

/**
 * Every code's template. Built by a call marked pure, not by spreading (which a bundler must keep, as a spread
 * may run getters): a function that imports this module and renders no message does not bundle the messages.
 */
export const errorCatalogue = /* @__PURE__ */ merged(
  calendarAndRegistrationMessages,
  cancellationAndReinstatementMessages,
  signatureSamplingMessages,
  recordedDateMessages,
  noticeMessages,
  callingCheckMessages,
  reinstatementHistoryMessages,
  requestValidationMessages,
  signatureReasonMessages,
  eligibilityFindingMessages,
  communityMeetingMessages,
  accountMessages,
  accountDirectoryMessages,
  inboxMessages,
  signInGuardMessages,
  administratorAccountMessages,
  additionalCandidateWindowMessages,
  nominatorAccountMessages,
  ruleMessages,
);

export type ErrorCode = keyof typeof errorCatalogue;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}

export function localize(code: ErrorCode, details: Details = {}): LocalizedText {
  return errorCatalogue[code](details);
}

/** What an error says, in kk/ru/en: the words for its code, quoting its details. */
export function messageOf(error: { readonly code: ErrorCode; readonly details: Details }): LocalizedText {
  return localize(error.code, error.details);
}

/**
 * A field issue as people read it, its code and its words. Validation checks a refinement's code by its form
 * only (it does not carry the catalogue): one the catalogue does not know is answered as a format problem.
 */
export function issueInWords(issue: { readonly code: ErrorCode; readonly details?: Details }): {
  code: ErrorCode;
  message: LocalizedText;
} {
  const code = isErrorCode(issue.code) ? issue.code : 'INVALID_FORMAT';
  return { code, message: localize(code, issue.details ?? {}) };
}

/**
 * A notice of an election in words, its moments in the election's zone; null for a code the catalogue does not
 * know (a notice stored by a newer version), which then keeps only its code and details.
 */
export function localizeNotice(
  notice: { readonly code: string; readonly details: Details },
  timeZone: string,
): LocalizedText | null {
  return isErrorCode(notice.code) ? localize(notice.code, { ...notice.details, timeZone }) : null;
}

/** A message by a code given as text (a finding's code inside another message's details): its own words. */
function messageOfCode(code: string, details: Details): LocalizedText {
  const catalogue: Readonly<Record<string, Template>> = errorCatalogue;
  const template = Object.hasOwn(catalogue, code) ? catalogue[code] : undefined;
  return template === undefined ? { kk: '', ru: '', en: code } : template(details);
}
