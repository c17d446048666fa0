// `npm run verify-evidence -- <file> [--lang kk|ru|en]`: proves a case's evidence pack offline (NDJSON as
// `npm run evidence` writes it, a JSON array of pages, or one page) and names its first broken link.
// Exit 0: whole; 1: broken; 2: the file cannot be read or is not JSON.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pagesOfFile } from '../../shared/domain/evidence-pack.ts';
import { type EvidenceProblem, verifyEvidence } from '../../shared/domain/evidence-verification.ts';
import { type Language, type LocalizedText, languages } from '../../shared/domain/language.ts';

/** What the report says around the verifier's own messages. */
const say = {
  summary: (d: { events: number; lines: number; submissions: number; status: string }): LocalizedText => ({
    kk: `${d.events} оқиға, ${d.lines} қолтаңба жолы, ${d.submissions} жіберілім; істің күйі: ${d.status}.`,
    ru: `Событий: ${d.events}, строк подписей: ${d.lines}, подач: ${d.submissions}; статус дела: ${d.status}.`,
    en: `${d.events} events, ${d.lines} signature lines, ${d.submissions} submissions; case status: ${d.status}.`,
  }),
  head: (d: { seq: number; hash: string }): LocalizedText => ({
    kk: `Тізбек басы: ${d.seq}-оқиға, хеші ${d.hash}.`,
    ru: `Вершина цепочки: событие ${d.seq}, хеш ${d.hash}.`,
    en: `Head of the chain: event ${d.seq}, hash ${d.hash}.`,
  }),
  whole: {
    kk: 'Жинақ бүтін: тізбегі де, ішкі келісімі де тексерілді.',
    ru: 'Пакет цел: цепочка и внутренняя согласованность проверены.',
    en: 'The pack is whole: its chain and its internal consistency check out.',
  },
  broken: (n: number): LocalizedText => ({
    kk: `Жинақ бүтін емес, ақаулар саны: ${n}.`,
    ru: `Пакет нарушен, проблем: ${n}.`,
    en: `The pack is broken: ${n} problem(s).`,
  }),
  firstBroken: (d: { seq: number; eventId: string }): LocalizedText => ({
    kk: `Алғашқы үзілген буын: ${d.seq}-оқиға (${d.eventId}).`,
    ru: `Первое нарушенное звено: событие ${d.seq} (${d.eventId}).`,
    en: `First broken link: event ${d.seq} (${d.eventId}).`,
  }),
  linksWhole: {
    kk: 'Тізбектің буындары бүтін; ақаулар беттерде, іс жазбасында не қолтаңба жолдарында.',
    ru: 'Звенья цепочки целы; проблемы — в страницах, записи дела или строках подписей.',
    en: 'The links of the chain hold; the problems are in the pages, the record or the signature lines.',
  },
  warning: { kk: 'Ескерту', ru: 'Предупреждение', en: 'Warning' },
  seq: { kk: 'реті', ru: 'номер', en: 'seq' },
  event: { kk: 'оқиға', ru: 'событие', en: 'event' },
  submission: { kk: 'жіберілім', ru: 'подача', en: 'submission' },
  unreadable: (reason: string): LocalizedText => ({
    kk: `Файл оқылмады: ${reason}`,
    ru: `Файл не прочитан: ${reason}`,
    en: `The file cannot be read: ${reason}`,
  }),
} as const;

const usage = 'usage: npm run verify-evidence -- <evidence file> [--lang kk|ru|en]';

const { values, positionals } = (() => {
  try {
    return parseArgs({ options: { lang: { type: 'string', default: 'kk' } }, allowPositionals: true });
  } catch {
    console.error(usage);
    process.exit(2);
  }
})();
const language = languages.find((l) => l === values.lang);
const file = positionals[0];
if (language === undefined || file === undefined || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

let pages: unknown[];
try {
  pages = pagesOfFile(readFileSync(file, 'utf8'));
} catch (error) {
  // The file's own text is never echoed: it holds personal data.
  const reason = error instanceof SyntaxError ? error.message : error instanceof Error ? error.name : '?';
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  console.error(say.unreadable(code ?? reason)[language]);
  process.exit(2);
}

const verdict = verifyEvidence(pages);
const { summary } = verdict;
const where = (p: EvidenceProblem, lang: Language) =>
  [
    p.seq === undefined ? null : `${say.seq[lang]} ${p.seq}`,
    p.eventId === undefined ? null : `${say.event[lang]} ${p.eventId}`,
    p.submissionId === undefined ? null : `${say.submission[lang]} ${p.submissionId}`,
  ]
    .filter((part) => part !== null)
    .join(' · ');
const line = (p: EvidenceProblem, prefix: string, lang: Language) => {
  const place = where(p, lang);
  return `${prefix}[${p.code}]${place === '' ? '' : ` ${place}`}: ${p.message[lang]}`;
};

console.log(say.summary({ ...summary, status: summary.status ?? '—' })[language]);
if (summary.head !== null) console.log(say.head(summary.head)[language]);
for (const w of verdict.warnings) console.log(line(w, `${say.warning[language]} `, language));
if (verdict.ok) {
  console.log(say.whole[language]);
  process.exit(0);
}
console.log(say.broken(verdict.problems.length)[language]);
for (const p of verdict.problems) console.log(line(p, '  ', language));
const first = verdict.firstBrokenLink;
console.log(
  first === null
    ? say.linksWhole[language]
    : say.firstBroken({ seq: first.seq, eventId: first.eventId ?? '?' })[language],
);
process.exit(1);
