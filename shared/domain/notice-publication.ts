import * as z from 'zod';
import { localizeNotice } from './error-catalogue.ts';
import type { DerivedNotice } from './inbox.ts';
import type { LocalizedText } from './language.ts';

/**
 * A notice as it is published beyond the desk (on AWS, to the SNS topic operators subscribe e-mail or SMS to):
 * its text in kk/ru/en and the attributes a subscription may filter on. Built from the notice the inbox derives,
 * without a person's data: no IIN, no address, no name (the case is named by its id), only ids and the
 * catalogue's words.
 */
export interface NoticePublication {
  /** The notice's id: the same on every derivation, so that it is published once (`publish-notices.ts`). */
  readonly noticeId: string;
  /** ASCII, one line, under 100 characters: SNS's limits on a subject (e-mail only). */
  readonly subject: string;
  readonly message: string;
  readonly attributes: NoticeAttributes;
}

/** What a subscription's filter policy may name. At most SNS's 10 message attributes, every one a string or a list. */
export interface NoticeAttributes {
  readonly noticeId: string;
  readonly electionId: string;
  readonly district: string;
  /** What the notice is about: the election (its calendar, the operator's repairs) or one case. */
  readonly kind: 'election' | 'case';
  /** The language-neutral code (NOMINATION_EXTENDED, CASE_WAITING_FOR_YOU, DEADLINE_NEAR…). */
  readonly code: string;
  /** The roles the notice is for (`public`: everyone). */
  readonly to: readonly string[];
  readonly caseId?: string;
  /** The nominating party, so that a party's subscription can take its own nominees' notices only. */
  readonly partyId?: string;
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

/**
 * What a case's details may carry beyond the desk: the step, the outcome, the deadline and its zone. The
 * candidate's name (and anything else a later version adds) stays in the inbox; the case is named by its id.
 */
function publicDetails(notice: DerivedNotice): Record<string, unknown> {
  if (notice.caseId === null) return notice.details;
  const { step, outcome, deadline } = notice.details;
  return { step, outcome, deadline, caseId: notice.caseId };
}

/** One derived notice (an election's or a case's) as it is published, in the election's local time. */
export function noticePublication(notice: DerivedNotice, timeZone: string): NoticePublication {
  const details = publicDetails(notice);
  const text = localizeNotice({ code: notice.code, details }, timeZone) ?? {
    kk: `Хабарлама: ${notice.code}.`,
    ru: `Уведомление: ${notice.code}.`,
    en: `Notice: ${notice.code}.`,
  };
  const ids = [
    `election: ${notice.electionId}`,
    ...(notice.caseId === null ? [] : [`case: ${notice.caseId}`]),
    `notice: ${notice.id}`,
    `at: ${notice.at}`,
  ];
  return {
    noticeId: notice.id,
    subject: subjectOf(notice.electionId, notice.code),
    message: bounded(body(text, ids), notice.code, ids),
    attributes: {
      noticeId: notice.id,
      electionId: notice.electionId,
      district: districtOfElection(notice.electionId),
      kind: notice.caseId === null ? 'election' : 'case',
      code: notice.code,
      to: notice.to,
      ...(notice.caseId === null ? {} : { caseId: notice.caseId }),
      ...(notice.partyId === null ? {} : { partyId: notice.partyId }),
    },
  };
}
