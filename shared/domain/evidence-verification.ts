import canonicalize from 'canonicalize';
import * as z from 'zod';
import type { CaseStatus } from './case-lifecycle.ts';
import { recordDigest } from './case-substance.ts';
import {
  eventHash,
  TrailEntrySchema,
  type TrailEvent,
  TrailEventSchema,
  type TrailLink,
} from './case-trail.ts';
import { EvidencePageSchema } from './evidence-pack.ts';
import { type EvidenceProblemCode, evidenceProblemText } from './evidence-problems.ts';
import type { LocalizedText } from './language.ts';
import { type NominationCase, NominationCaseSchema } from './nomination-case.ts';
import { recomputeCheck } from './signature-check-audit.ts';
import {
  linesDigest,
  type RecordedSignatureLine,
  RecordedSignatureLineSchema,
  SubmissionNoteSchema,
} from './signature-record.ts';
import { SignatureCheckSchema } from './signature-sampling.ts';

/** One thing found wrong (or, among warnings, worth knowing) in a pack, with where it is. */
export interface EvidenceProblem {
  readonly code: EvidenceProblemCode;
  readonly seq?: number;
  readonly eventId?: string;
  readonly submissionId?: string;
  /** Places, counts, hashes and ids: never personal data. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly message: LocalizedText;
}

export interface BrokenLink {
  readonly seq: number;
  /** Unknown only for an event too damaged to name its id. */
  readonly eventId: string | null;
}

export interface EvidenceVerdict {
  readonly ok: boolean;
  readonly problems: readonly EvidenceProblem[];
  /** The lowest seq at which the chain or one of its events fails; null when every link holds. */
  readonly firstBrokenLink: BrokenLink | null;
  readonly warnings: readonly EvidenceProblem[];
  readonly summary: {
    readonly events: number;
    readonly lines: number;
    readonly submissions: number;
    readonly status: CaseStatus | null;
    readonly head: TrailLink | null;
  };
}

/** Failures of the chain or of one event in it: the ones a broken link is named by. */
const chainCodes: ReadonlySet<EvidenceProblemCode> = new Set<EvidenceProblemCode>([
  'EVENT_UNREADABLE',
  'EVENT_HASH_MISMATCH',
  'EVENT_NOT_AS_LINKED',
  'EVENT_LINK_BROKEN',
  'EVENT_MISSING',
  'EVENT_NOT_IN_CHAIN',
  'EVENT_DUPLICATE',
  'EVENT_OUT_OF_ORDER',
  'EVENT_FOREIGN',
  'STATUS_DISCONTINUOUS',
  'VERSION_NOT_INCREASING',
]);

/** A page as the verifier first reads it: the envelope checked, what it carries read item by item. */
const PageShapeSchema = EvidencePageSchema.extend({
  record: z.unknown().optional(),
  events: z.array(z.unknown()),
  signatureLines: z.array(z.unknown()),
});
type PageShape = z.infer<typeof PageShapeSchema>;

/** What a damaged item may still say of itself, to name it by. */
const NamesSchema = z
  .object({
    seq: z.int().min(1).optional().catch(undefined),
    eventId: z.string().optional().catch(undefined),
    submissionId: z.string().optional().catch(undefined),
  })
  .catch({});
const EntryOfEventSchema = z.object(TrailEntrySchema.shape);
const CountedSignaturesSchema = z.looseObject({ signatures: z.looseObject({ validCount: z.int() }) });
/** A count on the trail: a submission's, or a recount on a new register (which names no lines). */
const CountNoteSchema = z.looseObject({ validCount: z.int().min(0), added: z.int().min(0).optional() });
const countingEvents: ReadonlySet<string> = new Set(['SignaturesVerified', 'SignaturesRecounted']);

type Where = Pick<EvidenceProblem, 'seq' | 'eventId' | 'submissionId'>;
type Report = (code: EvidenceProblemCode, where?: Where, details?: Record<string, unknown>) => void;

const sameJson = (a: unknown, b: unknown): boolean => canonicalize(a) === canonicalize(b);
const at = (event: TrailEvent): Where => ({ seq: event.seq, eventId: event.eventId });
const fieldsOf = (error: z.ZodError): string[] =>
  [...new Set(error.issues.map((issue) => issue.path.join('.') || '(item)'))].slice(0, 20);

/**
 * Proves a case's evidence pack (`evidence-pack.ts`) from its own content, offline: its pages, the hash chain of
 * its events from the head it is pinned to, the record against the trail, and each counted submission's lines
 * against the digest its event recorded, and each counted submission's signature check recomputed from its lines
 * (the policy, the seed's draw, the verdict), any difference named. Names the first broken link: the lowest seq
 * where the chain or an event fails. Lines of a submission no event names (one interrupted before it was
 * recorded) are a warning only.
 */
export function verifyEvidence(pages: readonly unknown[]): EvidenceVerdict {
  const problems: EvidenceProblem[] = [];
  const warnings: EvidenceProblem[] = [];
  const reporter =
    (into: EvidenceProblem[]): Report =>
    (code, where = {}, details = {}) =>
      into.push({ code, ...where, details, message: evidenceProblemText(code, { ...details, ...where }) });
  const problem = reporter(problems);
  const warning = reporter(warnings);

  const read = readPages(pages, problem);
  const anchor = read.find((page) => page !== null) ?? null;
  const record = readRecord(read[0] ?? null, problem);
  const events = readItems(read, 'events', TrailEventSchema, 'EVENT_UNREADABLE', problem);
  const lines = readItems(read, 'signatureLines', RecordedSignatureLineSchema, 'LINE_UNREADABLE', problem);
  const hashes = new Map(events.map((event) => [event, eventHash(event)]));
  const altered = new Set(events.filter((event) => event.hash !== hashes.get(event)));
  for (const event of altered) {
    problem('EVENT_HASH_MISMATCH', at(event), { stored: event.hash, recomputed: hashes.get(event) });
  }
  const chain = anchor === null ? [] : walkChain(anchor.head, events, hashes, altered, problem);
  const ids = record ?? anchor;
  if (ids !== null) {
    for (const event of chain) {
      if (event.caseId !== ids.caseId || event.electionId !== ids.electionId)
        problem('EVENT_FOREIGN', at(event));
    }
  }
  checkContinuity(chain, problem);
  if (record !== null && anchor !== null) {
    if (record.caseId !== anchor.caseId || record.electionId !== anchor.electionId) {
      problem('RECORD_FOREIGN');
    }
    checkRecord(record, chain, anchor.head, problem);
  }
  const submissions = checkSubmissions(chain, lines, record, problem, warning);
  recomputeChecks(chain, lines, problem);

  const breaks = problems.filter((p) => chainCodes.has(p.code) && p.seq !== undefined);
  const first = breaks.reduce<EvidenceProblem | undefined>(
    (lowest, p) => (lowest === undefined || (p.seq ?? 0) < (lowest.seq ?? 0) ? p : lowest),
    undefined,
  );
  return {
    ok: problems.length === 0,
    problems,
    firstBrokenLink: first?.seq === undefined ? null : { seq: first.seq, eventId: first.eventId ?? null },
    warnings,
    summary: {
      events: read.reduce((n, page) => n + (page?.events.length ?? 0), 0),
      lines: read.reduce((n, page) => n + (page?.signatureLines.length ?? 0), 0),
      submissions,
      status: record?.status ?? null,
      head: anchor?.head ?? null,
    },
  };
}

/** Each page's envelope; pages 1..n in order, pinned alike, only the last without a next, the record on page 1. */
function readPages(pages: readonly unknown[], problem: Report): (PageShape | null)[] {
  if (pages.length === 0) problem('PACK_EMPTY');
  const read = pages.map((raw, index) => {
    const parsed = PageShapeSchema.safeParse(raw);
    if (!parsed.success)
      problem('PAGE_UNREADABLE', {}, { position: index + 1, fields: fieldsOf(parsed.error) });
    return parsed.success ? parsed.data : null;
  });
  const anchor = read.find((page) => page !== null);
  read.forEach((page, index) => {
    if (page === null) return;
    if (page.page !== index + 1) problem('PAGE_OUT_OF_ORDER', {}, { position: index + 1, page: page.page });
    for (const field of ['electionId', 'caseId', 'head'] as const) {
      if (page !== anchor && !sameJson(page[field], anchor?.[field])) {
        problem('PAGES_DISAGREE', {}, { page: page.page, field });
      }
    }
    const last = index === read.length - 1;
    if (last && page.next !== null) problem('PACK_INCOMPLETE', {}, { page: page.page });
    if (!last && page.next === null) problem('PAGE_ENDS_EARLY', {}, { page: page.page });
    if (index === 0 && page.record === undefined) problem('RECORD_MISSING');
    if (index > 0 && page.record !== undefined) problem('RECORD_MISPLACED', {}, { page: page.page });
  });
  return read;
}

function readRecord(page: PageShape | null, problem: Report): NominationCase | null {
  if (page?.record === undefined) return null;
  const parsed = NominationCaseSchema.safeParse(page.record);
  if (!parsed.success) problem('RECORD_UNREADABLE', {}, { fields: fieldsOf(parsed.error) });
  return parsed.success ? parsed.data : null;
}

/** The events or lines of every page, in pack order; each that does not read is reported by its place. */
function readItems<S extends z.ZodType>(
  read: readonly (PageShape | null)[],
  field: 'events' | 'signatureLines',
  schema: S,
  unreadable: EvidenceProblemCode,
  problem: Report,
): z.output<S>[] {
  return read.flatMap((page) =>
    (page?.[field] ?? []).flatMap((raw, index) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) return [parsed.data];
      problem(unreadable, NamesSchema.parse(raw), {
        page: page?.page,
        index: index + 1,
        fields: fieldsOf(parsed.error),
      });
      return [];
    }),
  );
}

/**
 * The chain the head vouches for, walked back from it by each event's link to the one before, oldest first.
 * Each event must be the one its successor (or the head) names, by seq and recomputed hash, and link to seq − 1
 * (the first to nothing). A link to an event the pack lacks is a missing event, and the walk carries on from the
 * latest event below it; what the walk never reaches was not in the chain; the pack must give it in seq order.
 */
function walkChain(
  head: TrailLink,
  events: readonly TrailEvent[],
  hashes: ReadonlyMap<TrailEvent, string>,
  altered: ReadonlySet<TrailEvent>,
  problem: Report,
): TrailEvent[] {
  const byId = new Map<string, TrailEvent>();
  const copies = new Set<TrailEvent>();
  for (const event of events) {
    if (!byId.has(event.eventId)) byId.set(event.eventId, event);
    else {
      copies.add(event);
      problem('EVENT_DUPLICATE', at(event));
    }
  }
  const visited = new Set<TrailEvent>();
  const missing = new Set<number>();
  const latestBelow = (seq: number) =>
    events
      .filter((e) => e.seq < seq && !visited.has(e) && !copies.has(e))
      .reduce<TrailEvent | undefined>(
        (latest, e) => (latest === undefined || e.seq > latest.seq ? e : latest),
        undefined,
      );

  const chain: TrailEvent[] = [];
  type Step = { readonly link: TrailLink; readonly by: TrailEvent | null } | { readonly below: number };
  let step: Step | null = { link: head, by: null };
  while (step !== null) {
    let event: TrailEvent | undefined;
    if ('link' in step) {
      const named = byId.get(step.link.eventId);
      if (named !== undefined && !visited.has(named)) {
        event = named;
        const vouched = named.seq === step.link.seq && hashes.get(named) === step.link.hash;
        // An altered event is reported by its own hash already.
        if (!vouched && !altered.has(named))
          problem('EVENT_NOT_AS_LINKED', at(named), { by: step.by?.seq ?? null });
      } else {
        problem('EVENT_MISSING', { seq: step.link.seq, eventId: step.link.eventId });
        missing.add(step.link.seq);
        event = latestBelow(step.link.seq);
      }
    } else event = latestBelow(step.below);
    if (event === undefined) break;
    visited.add(event);
    chain.push(event);
    const { prev } = event;
    const linksBack = event.seq === 1 ? prev === null : prev !== null && prev.seq === event.seq - 1;
    if (!linksBack && !altered.has(event)) problem('EVENT_LINK_BROKEN', at(event));
    // An altered event's link vouches for nothing: the walk goes on below it without it.
    if (prev !== null && prev.seq < event.seq && !altered.has(event)) step = { link: prev, by: event };
    else step = event.seq > 1 ? { below: event.seq } : null;
  }
  chain.sort((a, b) => a.seq - b.seq);

  // Seqs no link named: each gap the walk stepped over without a link to say what is missing there.
  let expected = 1;
  for (const event of chain) {
    // The gap's ends, stepping past the seqs a link named; never a list of it (a forged seq may be huge).
    let from = expected;
    while (from < event.seq && missing.has(from)) from += 1;
    let to = event.seq - 1;
    while (to >= from && missing.has(to)) to -= 1;
    if (from <= to) problem('EVENT_MISSING', { seq: from }, { to });
    expected = event.seq + 1;
  }
  for (const event of events) {
    if (!visited.has(event) && !copies.has(event)) problem('EVENT_NOT_IN_CHAIN', at(event));
  }
  let highest = 0;
  for (const event of events.filter((e) => visited.has(e))) {
    if (event.seq < highest) problem('EVENT_OUT_OF_ORDER', at(event));
    highest = Math.max(highest, event.seq);
  }
  return chain;
}

/** From nothing, each event from where the one before left the case; versions only ever rise. */
function checkContinuity(chain: readonly TrailEvent[], problem: Report): void {
  let before: TrailEvent | undefined;
  for (const event of chain) {
    if (event.seq === 1 && event.from !== null) {
      problem('STATUS_DISCONTINUOUS', at(event), { from: event.from, expected: null });
    }
    if (before !== undefined) {
      if (event.seq === before.seq + 1 && event.from !== before.to) {
        problem('STATUS_DISCONTINUOUS', at(event), { from: event.from, expected: before.to });
      }
      if (event.version <= before.version) {
        problem('VERSION_NOT_INCREASING', at(event), { version: event.version, previous: before.version });
      }
    }
    before = event;
  }
}

/** The record where its head's event left it: its status, a version at least as high, the same last entry. */
function checkRecord(
  record: NominationCase,
  chain: readonly TrailEvent[],
  head: TrailLink,
  problem: Report,
): void {
  const last = chain.at(-1);
  // Without the head's event, the record has nothing to agree with: that event is reported missing.
  if (last === undefined || last.eventId !== head.eventId) return;
  if (record.status !== last.to)
    problem('RECORD_STATUS_MISMATCH', {}, { record: record.status, trail: last.to });
  if (record.version < last.version) {
    problem('RECORD_VERSION_BEHIND', {}, { record: record.version, trail: last.version });
  }
  if (!sameJson(record.lastEntry, EntryOfEventSchema.parse(last))) {
    problem('RECORD_LAST_ENTRY_MISMATCH', {}, { seq: last.seq });
  }
  // The filing, decisions, checks, findings and counts as the head's event vouched for them.
  if (recordDigest(record) !== last.recordDigest) problem('RECORD_ALTERED', {}, { seq: last.seq });
}

/**
 * Each counted submission's lines as its event recorded them (count and digest), and the record's count as the
 * trail's last count (a submission's or a recount's). Returns how many submissions the pack holds.
 */
function checkSubmissions(
  chain: readonly TrailEvent[],
  lines: readonly RecordedSignatureLine[],
  record: NominationCase | null,
  problem: Report,
  warning: Report,
): number {
  const bySubmission = Map.groupBy(lines, (line) => line.submissionId);
  const namedAnywhere = new Set(
    chain.flatMap((event) => {
      const note = SubmissionNoteSchema.safeParse(event.note);
      return note.success ? [note.data.submissionId] : [];
    }),
  );
  // A count can be no more than the distinct valid signers of the lines behind it: those of the submissions
  // named so far, those of a submission no event names (one cut short, which may have counted at any time),
  // and the signers a recount on a new register added (their lines keep the verdict they had).
  const signersBehind = new Set(
    lines.filter((l) => l.valid && !namedAnywhere.has(l.submissionId)).map((l) => l.iin),
  );
  let addedByRecounts = 0;
  const named = new Set<string>();
  let lastCount: number | null = null;
  for (const event of chain) {
    if (!countingEvents.has(event.event)) continue;
    const count = CountNoteSchema.safeParse(event.note);
    const note = SubmissionNoteSchema.safeParse(event.note);
    if (note.success) {
      for (const line of bySubmission.get(note.data.submissionId) ?? []) {
        if (line.valid) signersBehind.add(line.iin);
      }
    }
    if (count.success) {
      lastCount = count.data.validCount;
      addedByRecounts += count.data.added ?? 0;
      if (lastCount > signersBehind.size + addedByRecounts) {
        problem('COUNT_EXCEEDS_LINES', at(event), {
          count: lastCount,
          signers: signersBehind.size + addedByRecounts,
        });
      }
    }
    if (!note.success) {
      // A recount names no lines; a count without one was written before submissions were named.
      if (!count.success) warning('SUBMISSION_UNPROVABLE', at(event));
      continue;
    }
    const { submissionId, lineCount } = note.data;
    named.add(submissionId);
    const its = bySubmission.get(submissionId) ?? [];
    const where = { ...at(event), submissionId };
    if (its.length !== lineCount) {
      problem('SUBMISSION_LINE_COUNT_MISMATCH', where, { expected: lineCount, found: its.length });
    } else if (linesDigest(its) !== note.data.linesDigest) problem('SUBMISSION_LINES_ALTERED', where);
  }
  const counted = CountedSignaturesSchema.safeParse(record?.findings);
  const recordCount = counted.success ? counted.data.signatures.validCount : null;
  if (record !== null && recordCount !== lastCount) {
    problem('VALID_COUNT_MISMATCH', {}, { record: recordCount, trail: lastCount });
  }
  for (const [submissionId, its] of bySubmission) {
    if (!named.has(submissionId)) warning('UNNAMED_SUBMISSION', { submissionId }, { lines: its.length });
  }
  return new Set([...named, ...bySubmission.keys()]).size;
}

/**
 * Each counted submission's check as a commission or a court would recompute it (`recomputeCheck`): from the
 * lines the pack holds and what the SignaturesVerified event noted (count, threshold, check). A submission whose
 * lines the pack lacks is reported by its line count already.
 */
function recomputeChecks(
  chain: readonly TrailEvent[],
  lines: readonly RecordedSignatureLine[],
  problem: Report,
): void {
  const bySubmission = Map.groupBy(lines, (line) => line.submissionId);
  for (const event of chain) {
    if (event.event !== 'SignaturesVerified') continue;
    const parsed = SubmissionNoteSchema.safeParse(event.note);
    if (!parsed.success) continue;
    const note = parsed.data;
    const its = bySubmission.get(note.submissionId) ?? [];
    if (its.length === 0) continue;
    const where = { ...at(event), submissionId: note.submissionId };
    // Noted before verdicts were (every count a full one then): the count itself is checked above.
    if (note.required === undefined || note.sufficient === undefined) continue;
    const check = note.check === undefined ? undefined : SignatureCheckSchema.safeParse(note.check);
    if (check !== undefined && !check.success) {
      problem('SIGNATURE_CHECK_UNREADABLE', where, { fields: fieldsOf(check.error) });
      continue;
    }
    const stored = {
      submissionId: note.submissionId,
      validCount: note.validCount,
      required: note.required,
      sufficient: note.sufficient,
      check: check?.data,
    };
    const audit = recomputeCheck(event.caseId, stored, its);
    const details = {
      recorded: { outcome: stored.check?.outcome ?? 'counted-in-full', sufficient: stored.sufficient },
      recomputed: { outcome: audit.check.outcome, sufficient: audit.sufficient },
      notChecked: its.filter((line) => line.checked === false).length,
    };
    for (const code of audit.problems) problem(code, where, details);
  }
}
