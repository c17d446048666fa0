import { z } from 'zod';
import { type CaseStatus, CaseStatusSchema, waitingStepOf } from './case-lifecycle.ts';
import { whoDecides } from './case-views.ts';
import type { ElectionNotice } from './election.ts';
import { localizeNotice } from './error-catalogue.ts';
import type { LocalizedText } from './language.ts';
import { caseEventName, caseStatusName } from './messages/case-terms.ts';

/**
 * A notice as it is published beyond the desk (on AWS, to the SNS topic operators subscribe e-mail or SMS to):
 * its text in kk/ru/en and the attributes a subscription may filter on (a district, an addressee). Built from
 * what the engine recorded, never from a person's data: no IIN, no address, no name, only ids and the
 * catalogue's words.
 */
export interface NoticePublication {
  /** ASCII, one line, under 100 characters: SNS's limits on a subject (e-mail only). */
  readonly subject: string;
  readonly message: string;
  readonly attributes: {
    readonly electionId: string;
    readonly district: string;
    readonly code: string;
    /** The roles the notice is for (`public`: everyone). */
    readonly to: readonly string[];
    readonly caseId?: string;
  };
}

/** SNS takes a message of at most 256 KiB, its attributes included. */
export const PUBLISHED_MESSAGE_LIMIT_BYTES = 262_144;
/** Kept for the attributes and the subject, so that a message cut to the rest always fits. */
const ROOM_FOR_ATTRIBUTES_BYTES = 4_096;

/** The district of an election id (`<KATO 9 digits>-<day>`): the first four digits of its unit. */
const ElectionIdSchema = z.string().regex(/^\d{9}-\d{4}-\d{2}-\d{2}$/);

function districtOfElection(electionId: string): string {
  return ElectionIdSchema.parse(electionId).slice(0, 4);
}

function subjectOf(electionId: string, code: string): string {
  return `akim-nominations ${electionId}: ${code}`.replace(/[^\x20-\x7e]/g, '?').slice(0, 99);
}

/** The three languages one after the other, then the ids the desk finds the notice by. */
function body(text: LocalizedText, ids: readonly string[]): string {
  return [text.kk, text.ru, text.en, '', ...ids].join('\n');
}

/** A message too large for SNS (a notice's details gone wrong) becomes a short pointer to the desk. */
function bounded(message: string, code: string, ids: readonly string[]): string {
  if (Buffer.byteLength(message, 'utf8') <= PUBLISHED_MESSAGE_LIMIT_BYTES - ROOM_FOR_ATTRIBUTES_BYTES) {
    return message;
  }
  return body(
    {
      kk: `Жаңа хабарлама (${code}): оны жүйеде оқыңыз.`,
      ru: `Новое уведомление (${code}): прочитайте его в системе.`,
      en: `A new notice (${code}): read it in the desk.`,
    },
    ids,
  );
}

/** One of an election's notices (the calendar's, the operator's), for the election's district. */
export function electionNoticePublication(
  election: { readonly electionId: string; readonly timeZone: string },
  notice: ElectionNotice,
): NoticePublication {
  const text = localizeNotice(notice, election.timeZone) ?? {
    kk: `Хабарлама: ${notice.code}.`,
    ru: `Уведомление: ${notice.code}.`,
    en: `Notice: ${notice.code}.`,
  };
  const ids = [`election: ${election.electionId}`, `at: ${notice.at}`];
  return {
    subject: subjectOf(election.electionId, notice.code),
    message: bounded(body(text, ids), notice.code, ids),
    attributes: {
      electionId: election.electionId,
      district: districtOfElection(election.electionId),
      code: notice.code,
      to: [notice.to],
    },
  };
}

/** What a case's trail event publishes: its ids, what happened and where the case now stands. */
export const PublishedCaseEventSchema = z.object({
  caseId: z.string().min(1).max(200),
  electionId: z.string(),
  event: z.string().max(200),
  to: CaseStatusSchema,
  at: z.string(),
});
export type PublishedCaseEvent = z.infer<typeof PublishedCaseEventSchema>;

/** Who a case in this status concerns: whoever it waits for, or, once decided, every body of the case. */
function concerned(status: CaseStatus): string[] {
  const step = waitingStepOf(status);
  return step === null ? ['commission', 'akimat', 'party', 'candidate'] : [whoDecides[step]];
}

/** One entry of a case's trail (a filing, a wait, a decision), named by the case's id, never by the candidate. */
export function caseEventPublication(event: PublishedCaseEvent): NoticePublication {
  const what = caseEventName(event.event);
  const status = caseStatusName(event.to);
  const text = {
    kk: `№ ${event.caseId} іс: ${what.kk}. Қазіргі күйі: ${status.kk}.`,
    ru: `Дело № ${event.caseId}: ${what.ru}. Текущий статус: ${status.ru}.`,
    en: `Case ${event.caseId}: ${what.en}. Its status now: ${status.en}.`,
  };
  const code = 'CASE_EVENT';
  const ids = [`election: ${event.electionId}`, `case: ${event.caseId}`, `at: ${event.at}`];
  return {
    subject: subjectOf(event.electionId, `${code} ${event.to}`),
    message: bounded(body(text, ids), code, ids),
    attributes: {
      electionId: event.electionId,
      district: districtOfElection(event.electionId),
      code,
      to: concerned(event.to),
      caseId: event.caseId,
    },
  };
}
