import type { CaseEvent } from '../../shared/domain/case-lifecycle.ts';
import { recordDigest } from '../../shared/domain/case-substance.ts';
import { chainEvent, linkTo, type TrailEvent, type TrailLink } from '../../shared/domain/case-trail.ts';
import type { EvidencePage } from '../../shared/domain/evidence-pack.ts';
import {
  type EvidencePageLimits,
  evidencePage,
  evidencePageLimits,
  readCursor,
} from '../../shared/domain/evidence-paging.ts';
import { applyCaseEvent, type NominationCase, openCase } from '../../shared/domain/nomination-case.ts';
import { linesDigest, type RecordedSignatureLine } from '../../shared/domain/signature-record.ts';
import { aSelfFiling } from './candidates.ts';
import { makeIin } from './iins.ts';

export const evidenceIds = { caseId: 'case-evidence-1', electionId: '195230100-2026-03-15' } as const;

/** A recorded line of `submissionId` on sheet `sheet`, line `line`. */
export function recordedLine(
  submissionId: string,
  sheet: number,
  line: number,
  valid: boolean,
): RecordedSignatureLine {
  return {
    sheet,
    line,
    iin: makeIin('1975-03-04', 'female', sheet * 100 + line),
    fullName: `Signer ${sheet}/${line}`,
    birthDate: '1975-03-04',
    address: 'Aul, 1',
    signedOn: '2026-02-10',
    collector: 'Collector',
    submissionId,
    valid,
    reason: valid ? null : 'SIGNER_NOT_ON_REGISTER',
  };
}

/**
 * A self-nominee's case carried to registration as storage would hold it: its record, the five events of its
 * trail chained by hash (filing, two counted submissions, eligibility, registration), and the submissions' lines.
 */
export function aRegisteredSelfNominee(): {
  record: NominationCase;
  events: TrailEvent[];
  lines: RecordedSignatureLine[];
  head: TrailLink;
} {
  const first = [
    recordedLine('sub-1', 1, 1, true),
    recordedLine('sub-1', 1, 2, false),
    recordedLine('sub-1', 1, 3, true),
  ];
  const second = [recordedLine('sub-2', 2, 1, true), recordedLine('sub-2', 2, 2, true)];
  const note = (
    submissionId: string,
    lines: RecordedSignatureLine[],
    validCount: number,
    shortfall: number,
  ) => ({
    submissionId,
    lineCount: lines.length,
    linesDigest: linesDigest(lines),
    validCount,
    shortfall,
  });
  const commission = { role: 'commission', id: '1952/tec-clerk' } as const;
  const steps: [CaseEvent, string, Record<string, unknown> | undefined][] = [
    [
      { type: 'SignaturesVerified', sufficient: false },
      '2026-02-08T05:00:00.000Z',
      note('sub-1', first, 2, 2),
    ],
    [
      { type: 'SignaturesVerified', sufficient: true },
      '2026-02-09T05:00:00.000Z',
      note('sub-2', second, 4, 0),
    ],
    [{ type: 'EligibilityAssessed' }, '2026-02-09T05:00:01.000Z', undefined],
    [{ type: 'RegistrationDecided', decision: 'register' }, '2026-02-20T05:00:00.000Z', undefined],
  ];
  let record = openCase(aSelfFiling(1), evidenceIds, {
    at: '2026-02-06T05:00:00.000Z',
    actor: { role: 'candidate', id: 'candidate-0001' },
  });
  const events = [chainEvent(evidenceIds, record.lastEntry, 'event-1', null, recordDigest(record))];
  for (const [event, at, stepNote] of steps) {
    const changed = applyCaseEvent(record, event, {
      at,
      actor: commission,
      ...(stepNote ? { note: stepNote } : {}),
    });
    record = { ...changed, version: changed.lastEntry.version };
    // The count is on the case from the submission that made it sufficient, as the handler writes it.
    if (stepNote?.submissionId === 'sub-2') {
      record = { ...record, findings: { signatures: { validCount: 4, required: 4, rejected: 1 } } };
    }
    const before = events.at(-1);
    if (before === undefined) throw new Error('the filing comes first');
    events.push(
      chainEvent(
        evidenceIds,
        record.lastEntry,
        `event-${record.lastEntry.seq}`,
        linkTo(before),
        recordDigest(record),
      ),
    );
  }
  const last = events.at(-1);
  if (last === undefined) throw new Error('a trail has events');
  return { record, events, lines: [...first, ...second], head: linkTo(last) };
}

const lineKey = (l: Pick<RecordedSignatureLine, 'submissionId' | 'sheet' | 'line'>) =>
  `${l.submissionId}#${String(l.sheet).padStart(4, '0')}#${String(l.line).padStart(3, '0')}`;

/**
 * Every page of a pack, made as the endpoint makes them (`evidencePage`, following each page's cursor), over
 * events and lines held in memory in storage order.
 */
export function pagesOf(
  source: {
    record: NominationCase;
    events: readonly TrailEvent[];
    lines: readonly RecordedSignatureLine[];
    head: TrailLink;
  },
  limits: EvidencePageLimits = evidencePageLimits,
): EvidencePage[] {
  // As DynamoDB orders sort keys: by their bytes.
  const lines = [...source.lines].sort((a, b) => (lineKey(a) < lineKey(b) ? -1 : 1));
  const pages: EvidencePage[] = [];
  let cursor = null;
  do {
    const afterSeq = cursor?.afterSeq ?? 0;
    const afterLine = cursor?.afterLine ?? null;
    const rest = afterLine === null ? lines : lines.filter((l) => lineKey(l) > lineKey(afterLine));
    const page = evidencePage(
      {
        ...evidenceIds,
        page: cursor?.page ?? 1,
        head: source.head,
        record: cursor === null ? source.record : null,
        events: source.events.filter((e) => e.seq > afterSeq),
        afterLine,
        lines: { lines: rest.slice(0, limits.lines), more: rest.length > limits.lines },
      },
      limits,
    );
    pages.push(page);
    cursor = readCursor(page.next ?? undefined, evidenceIds);
  } while (cursor !== null);
  return pages;
}
