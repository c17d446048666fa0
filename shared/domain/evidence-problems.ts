import type { LocalizedText } from './language.ts';
import { evidenceSignatureCheckProblems } from './messages/evidence-signature-checks.ts';

/**
 * What the evidence verifier may find, by stable code, in kk/ru/en. Details are places, counts, hashes and ids,
 * never personal data, so a verification report may be shared.
 */
type Details = Readonly<Record<string, unknown>>;
type Template = (d: Details) => LocalizedText;

const s = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value ?? '—'));

export const evidenceProblems = {
  // --- the pages ---
  PACK_EMPTY: () => ({
    kk: 'Жинақта бірде-бір бет жоқ.',
    ru: 'В пакете нет ни одной страницы.',
    en: 'The pack has no pages.',
  }),
  PAGE_UNREADABLE: (d) => ({
    kk: `${s(d.position)}-бет оқылмайды: ${s(d.fields)} өрістері қате.`,
    ru: `Страница ${s(d.position)} не читается: ошибочны поля ${s(d.fields)}.`,
    en: `Page ${s(d.position)} cannot be read: its fields ${s(d.fields)} are wrong.`,
  }),
  PAGE_OUT_OF_ORDER: (d) => ({
    kk: `${s(d.position)}-орында ${s(d.page)}-бет тұр: беттер ретімен, бірі де қалмай келуі керек.`,
    ru: `На месте ${s(d.position)} стоит страница ${s(d.page)}: страницы должны идти по порядку, без пропусков.`,
    en: `Page ${s(d.page)} stands in place ${s(d.position)}: pages must come in order, none left out.`,
  }),
  PAGES_DISAGREE: (d) => ({
    kk: `${s(d.page)}-беттегі «${s(d.field)}» мәні бірінші беттегіден өзгеше.`,
    ru: `Значение «${s(d.field)}» на странице ${s(d.page)} отличается от первой страницы.`,
    en: `Page ${s(d.page)} differs from page 1 in "${s(d.field)}".`,
  }),
  PACK_INCOMPLETE: (d) => ({
    kk: `Соңғы бет (${s(d.page)}) келесі бетке нұсқайды: жинақ толық емес.`,
    ru: `Последняя страница (${s(d.page)}) указывает на следующую: пакет неполон.`,
    en: `The last page (${s(d.page)}) points to a next one: the pack is incomplete.`,
  }),
  PAGE_ENDS_EARLY: (d) => ({
    kk: `${s(d.page)}-бет өзін соңғы деп атайды, бірақ одан кейін де беттер бар.`,
    ru: `Страница ${s(d.page)} называет себя последней, но за ней есть ещё страницы.`,
    en: `Page ${s(d.page)} says it is the last, yet more pages follow.`,
  }),

  // --- the record ---
  RECORD_MISSING: () => ({
    kk: 'Бірінші бетте іс жазбасы жоқ.',
    ru: 'На первой странице нет записи дела.',
    en: 'Page 1 holds no case record.',
  }),
  RECORD_MISPLACED: (d) => ({
    kk: `Іс жазбасы тек бірінші бетте болуы керек, ал ол ${s(d.page)}-бетте де бар.`,
    ru: `Запись дела должна быть только на первой странице, а она есть и на странице ${s(d.page)}.`,
    en: `The case record belongs on page 1 only, yet page ${s(d.page)} holds one.`,
  }),
  RECORD_UNREADABLE: (d) => ({
    kk: `Іс жазбасы оқылмайды: ${s(d.fields)} өрістері қате.`,
    ru: `Запись дела не читается: ошибочны поля ${s(d.fields)}.`,
    en: `The case record cannot be read: its fields ${s(d.fields)} are wrong.`,
  }),
  RECORD_FOREIGN: () => ({
    kk: 'Іс жазбасы беттер атаған іске не сайлауға тиесілі емес.',
    ru: 'Запись дела относится не к тому делу или выборам, что названы на страницах.',
    en: 'The case record is of another case or election than the pages name.',
  }),
  RECORD_STATUS_MISMATCH: (d) => ({
    kk: `Іс жазбасындағы күй («${s(d.record)}») соңғы оқиға қалдырған күйден («${s(d.trail)}») өзгеше.`,
    ru: `Статус в записи дела («${s(d.record)}») отличается от статуса после последнего события («${s(d.trail)}»).`,
    en: `The record’s status ("${s(d.record)}") differs from the one the last event left ("${s(d.trail)}").`,
  }),
  RECORD_VERSION_BEHIND: (d) => ({
    kk: `Іс жазбасының нұсқасы (${s(d.record)}) соңғы оқиғанікінен (${s(d.trail)}) кіші.`,
    ru: `Версия записи дела (${s(d.record)}) меньше версии последнего события (${s(d.trail)}).`,
    en: `The record’s version (${s(d.record)}) is below the last event’s (${s(d.trail)}).`,
  }),
  RECORD_LAST_ENTRY_MISMATCH: (d) => ({
    kk: `Іс жазбасындағы соңғы жазба соңғы оқиғаға (${s(d.seq)}) сәйкес келмейді.`,
    ru: `Последняя запись в деле не совпадает с последним событием (${s(d.seq)}).`,
    en: `The record’s last entry differs from the last event (${s(d.seq)}).`,
  }),
  RECORD_ALTERED: (d) => ({
    kk: `Іс жазбасы (ұсыным, шешімдер, тексерулер, нәтижелер) соңғы оқиға (${s(d.seq)}) куәландырғандай емес: сақталғаннан кейін өзгертілген.`,
    ru: `Запись дела (выдвижение, решения, проверки, выводы) не та, что заверена последним событием (${s(d.seq)}): изменена после сохранения.`,
    en: `The case record (filing, decisions, checks, findings) is not what the last event (${s(d.seq)}) vouched for: it was changed after it was stored.`,
  }),
  COUNT_EXCEEDS_LINES: (d) => ({
    kk: `Оқиғадағы жарамды қолтаңбалар саны (${s(d.count)}) жинақтағы жарамды жолдардың қол қоюшыларынан (${s(d.signers)}) көп.`,
    ru: `Число действительных подписей в событии (${s(d.count)}) больше, чем подписавших в действительных строках пакета (${s(d.signers)}).`,
    en: `The event counts more valid signatures (${s(d.count)}) than the pack’s valid lines have signers (${s(d.signers)}).`,
  }),
  VALID_COUNT_MISMATCH: (d) => ({
    kk: `Іс жазбасындағы жарамды қолтаңбалар саны (${s(d.record)}) соңғы тексеру оқиғасындағыдан (${s(d.trail)}) өзгеше.`,
    ru: `Число действительных подписей в записи дела (${s(d.record)}) отличается от последнего события проверки (${s(d.trail)}).`,
    en: `The record’s count of valid signatures (${s(d.record)}) differs from the last verification event’s (${s(d.trail)}).`,
  }),

  // --- the chain of events ---
  EVENT_UNREADABLE: (d) => ({
    kk: `${s(d.page)}-беттегі ${s(d.index)}-оқиға оқылмайды: ${s(d.fields)} өрістері қате.`,
    ru: `Событие ${s(d.index)} на странице ${s(d.page)} не читается: ошибочны поля ${s(d.fields)}.`,
    en: `Event ${s(d.index)} on page ${s(d.page)} cannot be read: its fields ${s(d.fields)} are wrong.`,
  }),
  EVENT_HASH_MISMATCH: (d) => ({
    kk: `${s(d.seq)}-оқиғаның мазмұны өз хешіне сәйкес келмейді: оқиға жазылғаннан кейін өзгертілген.`,
    ru: `Содержимое события ${s(d.seq)} не совпадает с его хешем: событие изменено после записи.`,
    en: `Event ${s(d.seq)} does not match its own hash: it was changed after it was written.`,
  }),
  EVENT_NOT_AS_LINKED: (d) =>
    d.by === null
      ? {
          kk: `${s(d.seq)}-оқиға тізбек басы куәландырған оқиға емес: ол ауыстырылған.`,
          ru: `Событие ${s(d.seq)} не то, что заверяет вершина цепочки: оно подменено.`,
          en: `Event ${s(d.seq)} is not the one the head vouches for: it was replaced.`,
        }
      : {
          kk: `${s(d.seq)}-оқиға одан кейінгі ${s(d.by)}-оқиға куәландырған оқиға емес: ол ауыстырылған.`,
          ru: `Событие ${s(d.seq)} не то, что заверяет следующее за ним событие ${s(d.by)}: оно подменено.`,
          en: `Event ${s(d.seq)} is not the one event ${s(d.by)} after it vouches for: it was replaced.`,
        },
  EVENT_LINK_BROKEN: (d) => ({
    kk: `${s(d.seq)}-оқиғаның алдыңғы оқиғаға сілтемесі қате.`,
    ru: `Ссылка события ${s(d.seq)} на предыдущее событие неверна.`,
    en: `Event ${s(d.seq)} links wrongly to the event before it.`,
  }),
  EVENT_MISSING: (d) =>
    d.to === undefined || d.to === d.seq
      ? {
          kk: `${s(d.seq)}-оқиға жинақта жоқ.`,
          ru: `В пакете нет события ${s(d.seq)}.`,
          en: `Event ${s(d.seq)} is missing from the pack.`,
        }
      : {
          kk: `${s(d.seq)}–${s(d.to)} оқиғалары жинақта жоқ.`,
          ru: `В пакете нет событий ${s(d.seq)}–${s(d.to)}.`,
          en: `Events ${s(d.seq)} to ${s(d.to)} are missing from the pack.`,
        },
  EVENT_NOT_IN_CHAIN: (d) => ({
    kk: `${s(d.seq)}-оқиға тізбекке кірмейді: оған кейінгі оқиға да, тізбек басы да сілтемейді.`,
    ru: `Событие ${s(d.seq)} не входит в цепочку: на него не ссылается ни следующее событие, ни вершина.`,
    en: `Event ${s(d.seq)} is not in the chain: neither a later event nor the head links to it.`,
  }),
  EVENT_DUPLICATE: (d) => ({
    kk: `${s(d.seq)}-оқиға жинақта бірнеше рет кездеседі.`,
    ru: `Событие ${s(d.seq)} встречается в пакете несколько раз.`,
    en: `Event ${s(d.seq)} appears more than once in the pack.`,
  }),
  EVENT_OUT_OF_ORDER: (d) => ({
    kk: `${s(d.seq)}-оқиға өз орнында емес: оқиғалар реттік нөмірімен келуі керек.`,
    ru: `Событие ${s(d.seq)} стоит не на своём месте: события должны идти по порядку номеров.`,
    en: `Event ${s(d.seq)} is out of place: events must come in the order of their numbers.`,
  }),
  EVENT_FOREIGN: (d) => ({
    kk: `${s(d.seq)}-оқиға басқа іске не басқа сайлауға тиесілі.`,
    ru: `Событие ${s(d.seq)} относится к другому делу или другим выборам.`,
    en: `Event ${s(d.seq)} belongs to another case or election.`,
  }),
  STATUS_DISCONTINUOUS: (d) =>
    d.expected === null
      ? {
          kk: `Алғашқы оқиға бос күйден басталуы керек, ал ол «${s(d.from)}» күйінен басталады.`,
          ru: `Первое событие должно начинаться без статуса, а оно начинается со статуса «${s(d.from)}».`,
          en: `The first event must start from no status, yet it starts from "${s(d.from)}".`,
        }
      : {
          kk: `${s(d.seq)}-оқиға «${s(d.from)}» күйінен басталады, ал алдыңғы оқиға істі «${s(d.expected)}» күйінде қалдырған.`,
          ru: `Событие ${s(d.seq)} начинается со статуса «${s(d.from)}», а предыдущее оставило дело в статусе «${s(d.expected)}».`,
          en: `Event ${s(d.seq)} starts from "${s(d.from)}", but the event before left the case "${s(d.expected)}".`,
        },
  VERSION_NOT_INCREASING: (d) => ({
    kk: `${s(d.seq)}-оқиғаның нұсқасы (${s(d.version)}) алдыңғысынікінен (${s(d.previous)}) үлкен емес.`,
    ru: `Версия события ${s(d.seq)} (${s(d.version)}) не больше версии предыдущего (${s(d.previous)}).`,
    en: `Event ${s(d.seq)} has version ${s(d.version)}, not above the one before (${s(d.previous)}).`,
  }),

  // --- signature lines ---
  LINE_UNREADABLE: (d) => ({
    kk: `${s(d.page)}-беттегі ${s(d.index)}-қолтаңба жолы оқылмайды: ${s(d.fields)} өрістері қате.`,
    ru: `Строка подписи ${s(d.index)} на странице ${s(d.page)} не читается: ошибочны поля ${s(d.fields)}.`,
    en: `Signature line ${s(d.index)} on page ${s(d.page)} cannot be read: its fields ${s(d.fields)} are wrong.`,
  }),
  SUBMISSION_LINE_COUNT_MISMATCH: (d) => ({
    kk: `${s(d.seq)}-оқиға бұл жіберілімде ${s(d.expected)} жол болғанын айтады, ал жинақта ${s(d.found)} жол бар.`,
    ru: `Событие ${s(d.seq)} говорит, что в этой подаче ${s(d.expected)} строк, а в пакете их ${s(d.found)}.`,
    en: `Event ${s(d.seq)} says this submission had ${s(d.expected)} lines; the pack holds ${s(d.found)}.`,
  }),
  SUBMISSION_LINES_ALTERED: (d) => ({
    kk: `Бұл жіберілімнің жолдары ${s(d.seq)}-оқиға жазған бақылау қосындысына сәйкес келмейді: жол не оның шешімі кейін өзгертілген.`,
    ru: `Строки этой подачи не совпадают с контрольной суммой из события ${s(d.seq)}: строка или её оценка изменены позже.`,
    en: `This submission’s lines do not match the digest event ${s(d.seq)} recorded: a line or its verdict was changed since.`,
  }),

  // --- each counted submission's signature check, recomputed ---
  ...evidenceSignatureCheckProblems,

  // --- warnings: not a failure ---
  UNNAMED_SUBMISSION: (d) => ({
    kk: `Бұл жіберілімнің ${s(d.lines)} жолын ешбір оқиға атамайды: жіберілім тіркелмей үзілген, оның жарамды қолтаңбаларын келесі жіберілім есептейді.`,
    ru: `${s(d.lines)} строк этой подачи не названы ни одним событием: подача прервалась до записи, её действительные подписи учитывает следующая подача.`,
    en: `No event names this submission’s ${s(d.lines)} lines: it was interrupted before it was recorded, and the next submission counts its valid signatures.`,
  }),
  SUBMISSION_UNPROVABLE: (d) => ({
    kk: `${s(d.seq)}-оқиға жіберілім жолдарын атамайды (бұрынғы нұсқа жазған): оның жолдарын тексеру мүмкін емес.`,
    ru: `Событие ${s(d.seq)} не называет строки подачи (записано прежней версией): их проверить нельзя.`,
    en: `Event ${s(d.seq)} names no submission lines (written by an earlier version): they cannot be checked.`,
  }),
} satisfies Record<string, Template>;

export type EvidenceProblemCode = keyof typeof evidenceProblems;

export function evidenceProblemText(code: EvidenceProblemCode, details: Details = {}): LocalizedText {
  const template: Template = evidenceProblems[code];
  return template(details);
}
