import { describe, expect, it } from 'vitest';
import { chainEvent, linkTo, type TrailEvent } from '../../shared/domain/case-trail.ts';
import { issueInWords } from '../../shared/domain/error-catalogue.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { EvidencePageSchema } from '../../shared/domain/evidence-pack.ts';
import {
  encodeCursor,
  evidencePage,
  evidencePageLimits,
  readCursor,
} from '../../shared/domain/evidence-paging.ts';
import { verifyEvidence } from '../../shared/domain/evidence-verification.ts';
import {
  type RecordedSignatureLine,
  RecordedSignatureLineSchema,
  SubmissionNoteSchema,
} from '../../shared/domain/signature-record.ts';
import { aRegisteredSelfNominee, evidenceIds, pagesOf } from '../support/evidence.ts';

/** Lambda's limit on what a synchronous invocation answers. */
const LAMBDA_ANSWER_LIMIT = 6 * 1024 * 1024;

/** What the API Lambda answers for a page: the page as a JSON string inside the result, as lambda-api.ts sends it. */
function lambdaAnswerBytes(page: unknown): number {
  const result = {
    statusCode: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(page),
  };
  return Buffer.byteLength(JSON.stringify(result));
}

/** A line with every field at its longest, written in `char`; valid by the schema the API takes lines with. */
function longestLine(index: number, char: string): RecordedSignatureLine {
  return RecordedSignatureLineSchema.parse({
    sheet: 1 + Math.floor(index / 999),
    line: 1 + (index % 999),
    iin: char.repeat(32),
    fullName: char.repeat(300),
    birthDate: '1975-03-04',
    sex: 'female',
    address: char.repeat(500),
    signedOn: '2026-02-10',
    collector: char.repeat(300),
    submissionId: `${'с'.repeat(28)}${String(index).padStart(36, '0')}`.slice(0, 64),
    valid: false,
    reason: 'SUPPORTS_ANOTHER_CANDIDATE',
  });
}

/** `count` events chained after the filing, each a counted submission with its note and a long actor id. */
function manyEvents(count: number): TrailEvent[] {
  const { record } = aRegisteredSelfNominee();
  const note = SubmissionNoteSchema.parse({
    submissionId: 'ж'.repeat(64),
    lineCount: 20_000,
    linesDigest: 'a'.repeat(64),
    validCount: 20_000,
    shortfall: 0,
  });
  const events: TrailEvent[] = [];
  for (let seq = 1; seq <= count; seq += 1) {
    const before = events.at(-1);
    const entry = {
      ...record.lastEntry,
      seq,
      version: seq,
      actor: { role: 'commission', id: 'Ж'.repeat(200) },
      event: 'SignaturesVerified',
      note,
    } as const;
    events.push(
      chainEvent(
        evidenceIds,
        entry,
        `${'e'.repeat(60)}${String(seq).padStart(4, '0')}`,
        before ? linkTo(before) : null,
        'd'.repeat(64),
      ),
    );
  }
  return events;
}

describe('a page of evidence stays within what Lambda may answer', () => {
  it('holds 500 events and 1,000 lines with every field at its longest in Cyrillic, far under 6 MB', () => {
    const { record } = aRegisteredSelfNominee();
    const events = manyEvents(500);
    const lines = Array.from({ length: 1_000 }, (_, i) => longestLine(i, 'Ж'));
    const last = events.at(-1);
    if (last === undefined) throw new Error('events');
    const page = evidencePage({
      ...evidenceIds,
      page: 1,
      head: linkTo(last),
      record,
      events,
      afterLine: null,
      lines: { lines, more: true },
    });

    expect(page.events).toHaveLength(500);
    expect(page.signatureLines).toHaveLength(1_000);
    const bytes = Buffer.byteLength(JSON.stringify(page));
    expect(bytes).toBeGreaterThan(3_000_000);
    expect(bytes).toBeLessThan(4_000_000);
    expect(lambdaAnswerBytes(page)).toBeLessThan(LAMBDA_ANSWER_LIMIT);
    expect(EvidencePageSchema.safeParse(page).success).toBe(true);
  });

  it('cuts a page short by its bytes when lines are written to weigh the most, and loses none across pages', () => {
    // A control character takes six bytes once escaped in the page’s JSON, and seven in Lambda's answer.
    const made = aRegisteredSelfNominee();
    const lines = Array.from({ length: 2_500 }, (_, i) => longestLine(i, '\u0001'));
    const pages = pagesOf({ ...made, lines });

    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      expect(page.signatureLines.length).toBeLessThan(1_000);
      expect(lambdaAnswerBytes(page)).toBeLessThan(LAMBDA_ANSWER_LIMIT);
    }
    const given = pages.flatMap((p) => p.signatureLines);
    expect(given).toEqual(lines);
    expect(pages.flatMap((p) => p.events)).toEqual(made.events);
  });

  it('gives every event and line once, in order, whatever the page sizes', () => {
    const made = aRegisteredSelfNominee();
    for (const [events, lines] of [
      [1, 1],
      [2, 3],
      [5, 5],
      [500, 1_000],
    ] as const) {
      const pages = pagesOf(made, { events, lines, bytes: evidencePageLimits.bytes });
      expect(pages.flatMap((p) => p.events)).toEqual(made.events);
      expect(
        pages.flatMap((p) => p.signatureLines).map((l) => `${l.submissionId}/${l.sheet}/${l.line}`),
      ).toEqual(made.lines.map((l) => `${l.submissionId}/${l.sheet}/${l.line}`));
      expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
      expect(pages.filter((p) => p.record !== undefined).map((p) => p.page)).toEqual([1]);
      expect(verifyEvidence(pages).ok).toBe(true);
    }
  });
});

describe('the cursor', () => {
  const made = aRegisteredSelfNominee();
  const next = pagesOf(made, { events: 2, lines: 2, bytes: evidencePageLimits.bytes })[0]?.next ?? '';
  const cursor = readCursor(next, evidenceIds);
  if (cursor === null) throw new Error('page 1 of a small pack has a next');
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('reads back what a page handed out, for its own case', () => {
    expect(readCursor(undefined, evidenceIds)).toBeNull();
    expect(cursor).toMatchObject({ ...evidenceIds, page: 2, head: made.head, afterSeq: 2, afterLine: null });
    expect(readCursor(encodeCursor(cursor), evidenceIds)).toEqual(cursor);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/=='],
    ['too long', 'A'.repeat(5_000)],
    ['not JSON', Buffer.from('{page: 2').toString('base64url')],
    ['of another shape', encode({ ...cursor, extra: true })],
    ['past its own head', encode({ ...cursor, afterSeq: cursor.head.seq + 1 })],
    ['of another case', encode({ ...cursor, caseId: 'another-case' })],
    ['of another election', encode({ ...cursor, electionId: '195230100-2027-03-15' })],
  ])('refuses one %s as a bad `cursor`, in three languages', (_, text) => {
    let refused: unknown;
    try {
      readCursor(text, evidenceIds);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ValidationError);
    const issues = (refused as ValidationError).issues;
    expect(issues).toMatchObject([{ field: 'cursor', code: 'EVIDENCE_CURSOR_INVALID' }]);
    const message = (issues[0] && issueInWords(issues[0]))?.message;
    expect(new Set([message?.kk, message?.ru, message?.en]).size).toBe(3);
  });
});
