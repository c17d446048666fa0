import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordDigest } from '../../shared/domain/case-substance.ts';
import { chainEvent, eventHash, type TrailEntry, type TrailEvent } from '../../shared/domain/case-trail.ts';
import { type EvidencePage, pagesOfFile } from '../../shared/domain/evidence-pack.ts';
import {
  type EvidenceProblemCode,
  evidenceProblems,
  evidenceProblemText,
} from '../../shared/domain/evidence-problems.ts';
import { verifyEvidence } from '../../shared/domain/evidence-verification.ts';
import { aRegisteredSelfNominee, evidenceIds, pagesOf, recordedLine } from '../support/evidence.ts';

// Small pages, so that a pack spans several: the record and two events, two events, one event and two lines...
const limits = { events: 2, lines: 2, bytes: 3_000_000 };
const made = aRegisteredSelfNominee();
const pack: readonly EvidencePage[] = pagesOf(made, limits);

/** A copy of the pack to damage: plain JSON, as a file gives it. */
function copy(): EvidencePage[] {
  return JSON.parse(JSON.stringify(pack));
}

/** The page and place of the event with `seq` in a pack copy. */
function eventAt(pages: EvidencePage[], seq: number): TrailEvent {
  const event = pages.flatMap((p) => p.events).find((e) => e.seq === seq);
  if (event === undefined) throw new Error(`no event ${seq}`);
  return event;
}

function pageHolding(pages: EvidencePage[], seq: number): EvidencePage {
  const page = pages.find((p) => p.events.some((e) => e.seq === seq));
  if (page === undefined) throw new Error(`no page holds event ${seq}`);
  return page;
}

/** What an event says, without what storage adds to it. */
function entryOf(event: TrailEvent): TrailEntry {
  const {
    caseId: _case,
    electionId: _election,
    eventId: _id,
    recordDigest: _digest,
    prev: _prev,
    hash: _hash,
    ...entry
  } = event;
  return entry;
}

const codes = (pages: unknown[]) => verifyEvidence(pages).problems.map((p) => p.code);
/** Where the verifier says a damaged pack first breaks, and what it finds wrong. */
function judged(pages: unknown[]) {
  const verdict = verifyEvidence(pages);
  return { brokenAt: verdict.firstBrokenLink, codes: verdict.problems.map((p) => p.code) };
}
const eventId = (seq: number) => `event-${seq}`;

describe('a whole pack', () => {
  it('verifies, page by page, with its head, counts and status', () => {
    expect(pack.length).toBeGreaterThanOrEqual(4);
    const verdict = verifyEvidence(pack);
    expect(verdict.problems).toEqual([]);
    expect(verdict).toMatchObject({
      ok: true,
      firstBrokenLink: null,
      warnings: [],
      summary: { events: 5, lines: 5, submissions: 2, status: 'Registered', head: made.head },
    });
  });

  it('reads as NDJSON, as a JSON array of pages, and as one page object', () => {
    const ndjson = `${pack.map((p) => JSON.stringify(p)).join('\n')}\n`;
    expect(verifyEvidence(pagesOfFile(ndjson)).ok).toBe(true);
    expect(verifyEvidence(pagesOfFile(JSON.stringify(pack, null, 2))).ok).toBe(true);
    const onePage = pagesOf(made);
    expect(onePage).toHaveLength(1);
    expect(pagesOfFile(JSON.stringify(onePage[0], null, 2))).toHaveLength(1);
    expect(verifyEvidence(pagesOfFile(JSON.stringify(onePage[0], null, 2))).ok).toBe(true);
    expect(() => pagesOfFile(`${JSON.stringify(pack[0])}\n{not json\n`)).toThrow('line 2 is not JSON');
  });

  it('takes a recount on a new register as the last count, with no lines to check', () => {
    const { record, events, lines } = made;
    const last = events.at(-1);
    if (last === undefined) throw new Error('a trail has events');
    const note = { reason: 'register-replaced', snapshotId: 's-2', removed: 1, validCount: 3, shortfall: 0 };
    const counted = { ...record, findings: { signatures: { validCount: 3, required: 4 } } };
    const recount = chainEvent(
      evidenceIds,
      { ...entryOf(last), seq: 6, version: 6, event: 'SignaturesRecounted', from: 'Registered', note },
      'event-6',
      { seq: last.seq, eventId: last.eventId, hash: last.hash },
      recordDigest(counted),
    );
    const recounted = { ...counted, version: 6, lastEntry: entryOf(recount) };
    const head = { seq: 6, eventId: 'event-6', hash: recount.hash };
    const verdict = verifyEvidence(pagesOf({ record: recounted, events: [...events, recount], lines, head }));
    expect(verdict.problems).toEqual([]);
    expect(verdict.warnings).toEqual([]);
  });

  it('takes the lines of an interrupted submission as a warning, not a failure', () => {
    const verdict = verifyEvidence(
      pagesOf({ ...made, lines: [...made.lines, recordedLine('sub-0', 9, 1, true)] }),
    );
    expect(verdict.ok).toBe(true);
    expect(verdict.warnings).toMatchObject([
      { code: 'UNNAMED_SUBMISSION', submissionId: 'sub-0', details: { lines: 1 } },
    ]);
  });
});

describe('a pack with one event tampered with names the first broken link', () => {
  it.each([
    ['actor', (e: TrailEvent) => Object.assign(e.actor, { id: '1952/someone-else' })],
    ['instant', (e: TrailEvent) => Object.assign(e, { at: '2026-02-08T05:00:00.001Z' })],
    ['note', (e: TrailEvent) => Object.assign(e, { note: { ...e.note, validCount: 40 } })],
    ['event name', (e: TrailEvent) => Object.assign(e, { event: 'PartyConfirmed' })],
  ])('its %s changed', (_, change) => {
    const pages = copy();
    change(eventAt(pages, 2));
    const verdict = verifyEvidence(pages);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBrokenLink).toEqual({ seq: 2, eventId: eventId(2) });
    expect(verdict.problems[0]).toMatchObject({ code: 'EVENT_HASH_MISMATCH', seq: 2 });
  });

  it('its status changed: the hash breaks there, and the next event no longer starts where it ended', () => {
    const pages = copy();
    eventAt(pages, 3).to = 'Registered';
    const verdict = verifyEvidence(pages);
    expect(verdict.firstBrokenLink).toEqual({ seq: 3, eventId: eventId(3) });
    expect(verdict.problems.map((p) => [p.code, p.seq])).toEqual(
      expect.arrayContaining([
        ['EVENT_HASH_MISMATCH', 3],
        ['STATUS_DISCONTINUOUS', 4],
      ]),
    );
  });

  it('its hash changed', () => {
    const pages = copy();
    eventAt(pages, 4).hash = 'f'.repeat(64);
    expect(judged(pages)).toEqual({
      brokenAt: { seq: 4, eventId: eventId(4) },
      codes: ['EVENT_HASH_MISMATCH'],
    });
  });

  it('its content changed and its hash made to match: the event after it vouches for another', () => {
    const pages = copy();
    const event = eventAt(pages, 3);
    event.actor.id = '1952/someone-else';
    event.hash = eventHash(event);
    const verdict = verifyEvidence(pages);
    expect(verdict.firstBrokenLink).toEqual({ seq: 3, eventId: eventId(3) });
    expect(verdict.problems).toMatchObject([{ code: 'EVENT_NOT_AS_LINKED', seq: 3, details: { by: 4 } }]);
  });

  it('the last one changed and its hash made to match: the head vouches for another', () => {
    const pages = copy();
    const event = eventAt(pages, 5);
    event.at = '2026-02-20T05:00:00.001Z';
    event.hash = eventHash(event);
    const verdict = verifyEvidence(pages);
    expect(verdict.firstBrokenLink).toEqual({ seq: 5, eventId: eventId(5) });
    expect(verdict.problems[0]).toMatchObject({ code: 'EVENT_NOT_AS_LINKED', seq: 5, details: { by: null } });
  });

  it('one removed', () => {
    const pages = copy();
    const page = pageHolding(pages, 3);
    page.events = page.events.filter((e) => e.seq !== 3);
    // It was the last count: the record's count now has nothing to stand on.
    expect(judged(pages)).toEqual({
      brokenAt: { seq: 3, eventId: eventId(3) },
      codes: ['EVENT_MISSING', 'VALID_COUNT_MISMATCH'],
    });
  });

  it('the last one removed', () => {
    const pages = copy();
    const page = pageHolding(pages, 5);
    page.events = page.events.filter((e) => e.seq !== 5);
    expect(verifyEvidence(pages).firstBrokenLink).toEqual({ seq: 5, eventId: eventId(5) });
  });

  it('one inserted, validly linked to the one before: the chain does not reach it', () => {
    const pages = copy();
    const before = eventAt(pages, 2);
    const forged = chainEvent(
      evidenceIds,
      { ...entryOf(eventAt(pages, 3)), actor: { role: 'commission', id: '1952/forger' } },
      'forged',
      { seq: 2, eventId: before.eventId, hash: before.hash },
      eventAt(pages, 3).recordDigest,
    );
    const page = pageHolding(pages, 3);
    page.events.splice(
      page.events.findIndex((e) => e.seq === 3),
      0,
      forged,
    );
    expect(judged(pages)).toEqual({ brokenAt: { seq: 3, eventId: 'forged' }, codes: ['EVENT_NOT_IN_CHAIN'] });
  });

  it('two swapped', () => {
    const pages = copy();
    const second = eventAt(pages, 2);
    const third = eventAt(pages, 3);
    const [p2, p3] = [pageHolding(pages, 2), pageHolding(pages, 3)];
    p2.events[p2.events.indexOf(second)] = third;
    p3.events[p3.events.indexOf(third)] = second;
    expect(judged(pages)).toEqual({
      brokenAt: { seq: 2, eventId: eventId(2) },
      codes: ['EVENT_OUT_OF_ORDER'],
    });
  });

  it('one of another case', () => {
    const pages = copy();
    const page = pageHolding(pages, 1);
    const first = eventAt(pages, 1);
    page.events[page.events.indexOf(first)] = chainEvent(
      { caseId: 'another-case', electionId: evidenceIds.electionId },
      entryOf(first),
      first.eventId,
      null,
      first.recordDigest,
    );
    expect(verifyEvidence(pages).firstBrokenLink).toEqual({ seq: 1, eventId: eventId(1) });
    expect(codes(pages)).toContain('EVENT_FOREIGN');
  });
});

describe('a pack whose signature lines were tampered with names the submission', () => {
  function lineOf(pages: EvidencePage[], submissionId: string, line: number) {
    const found = pages
      .flatMap((p) => p.signatureLines)
      .find((l) => l.submissionId === submissionId && l.line === line);
    if (found === undefined) throw new Error('no such line');
    return found;
  }

  it.each([
    [
      'a verdict',
      (pages: EvidencePage[]) => Object.assign(lineOf(pages, 'sub-1', 2), { valid: true, reason: null }),
    ],
    ['an IIN', (pages: EvidencePage[]) => Object.assign(lineOf(pages, 'sub-1', 1), { iin: '750304400012' })],
    [
      'a name',
      (pages: EvidencePage[]) => Object.assign(lineOf(pages, 'sub-1', 3), { fullName: 'Someone Else' }),
    ],
  ])('%s changed', (_, change) => {
    const pages = copy();
    change(pages);
    const verdict = verifyEvidence(pages);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBrokenLink).toBeNull();
    expect(verdict.problems).toMatchObject([
      { code: 'SUBMISSION_LINES_ALTERED', seq: 2, eventId: eventId(2), submissionId: 'sub-1' },
    ]);
  });

  it('a line removed, or one added', () => {
    const removed = copy();
    for (const page of removed)
      page.signatureLines = page.signatureLines.filter((l) => !(l.submissionId === 'sub-2' && l.line === 2));
    // With a valid line gone, the count at that event also has fewer signers behind it than it says.
    expect(verifyEvidence(removed).problems).toMatchObject([
      { code: 'COUNT_EXCEEDS_LINES', seq: 3, details: { count: 4, signers: 3 } },
      {
        code: 'SUBMISSION_LINE_COUNT_MISMATCH',
        seq: 3,
        submissionId: 'sub-2',
        details: { expected: 2, found: 1 },
      },
    ]);
    const added = copy();
    added.at(-1)?.signatureLines.push(recordedLine('sub-2', 2, 3, true));
    expect(verifyEvidence(added).problems).toMatchObject([
      { code: 'SUBMISSION_LINE_COUNT_MISMATCH', submissionId: 'sub-2', details: { expected: 2, found: 3 } },
    ]);
  });
});

describe('a pack whose record or pages were tampered with', () => {
  it('the record’s status, version, last entry or count of valid signatures changed', () => {
    const change = (edit: (record: NonNullable<EvidencePage['record']>) => void) => {
      const pages = copy();
      const record = pages[0]?.record;
      if (record === undefined) throw new Error('page 1 has the record');
      edit(record);
      return verifyEvidence(pages);
    };
    // A status or count changed also changes what the head's event vouched for.
    expect(change((r) => Object.assign(r, { status: 'Refused' })).problems).toMatchObject([
      { code: 'RECORD_STATUS_MISMATCH', details: { record: 'Refused', trail: 'Registered' } },
      { code: 'RECORD_ALTERED', details: { seq: 5 } },
    ]);
    expect(change((r) => Object.assign(r, { version: 2 })).problems).toMatchObject([
      { code: 'RECORD_VERSION_BEHIND' },
    ]);
    expect(
      change((r) => Object.assign(r.lastEntry, { at: '2026-02-21T00:00:00.000Z' })).problems,
    ).toMatchObject([{ code: 'RECORD_LAST_ENTRY_MISMATCH' }]);
    expect(
      change((r) => Object.assign(r, { findings: { signatures: { validCount: 40 } } })).problems,
    ).toMatchObject([
      { code: 'RECORD_ALTERED', details: { seq: 5 } },
      { code: 'VALID_COUNT_MISMATCH', details: { record: 40, trail: 4 } },
    ]);
    // The filing, what eligibility was judged on, is vouched for too.
    expect(
      change((r) => Object.assign(r.filing.candidate, { education: 'secondary' })).problems,
    ).toMatchObject([{ code: 'RECORD_ALTERED', details: { seq: 5 } }]);
    // A record that says more than it is (a newer version, no change of trail) is no contradiction.
    expect(change((r) => Object.assign(r, { version: r.version + 3 })).ok).toBe(true);
  });

  it('a page left out, the pages reordered, the last page left out, a page pinned elsewhere', () => {
    const middle = copy();
    middle.splice(1, 1);
    expect(codes(middle)).toEqual(expect.arrayContaining(['PAGE_OUT_OF_ORDER', 'EVENT_MISSING']));
    expect(verifyEvidence(middle).firstBrokenLink?.seq).toBe(3);

    const reordered = copy();
    const [second, third] = [reordered[1], reordered[2]];
    if (second === undefined || third === undefined) throw new Error('a pack of several pages');
    reordered.splice(1, 2, third, second);
    expect(codes(reordered)).toEqual(expect.arrayContaining(['PAGE_OUT_OF_ORDER', 'EVENT_OUT_OF_ORDER']));

    const cut = copy();
    cut.pop();
    expect(codes(cut)).toContain('PACK_INCOMPLETE');

    const elsewhere = copy();
    const page = elsewhere[1];
    if (page === undefined) throw new Error('a pack of several pages');
    page.head = { ...page.head, hash: '0'.repeat(64) };
    expect(codes(elsewhere)).toEqual(['PAGES_DISAGREE']);

    const noRecord = copy();
    delete noRecord[0]?.record;
    expect(codes(noRecord)).toEqual(['RECORD_MISSING']);

    expect(codes([])).toEqual(['PACK_EMPTY']);
    expect(codes([{ format: 'something else' }])).toEqual(['PAGE_UNREADABLE']);
  });
});

describe('every change to any one field of any event is detected', () => {
  const fields = [
    'caseId',
    'electionId',
    'seq',
    'version',
    'at',
    'actor',
    'event',
    'from',
    'to',
    'note',
    'eventId',
    'prev',
    'hash',
  ];
  const nested = ['actor.role', 'actor.id', 'prev.seq', 'prev.eventId', 'prev.hash'];

  it('whatever the field and whatever its new value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...fields, ...nested),
        fc.oneof(fc.jsonValue(), fc.string(), fc.integer(), fc.constant(null)),
        (seq, path, value) => {
          const pages = copy();
          const event = eventAt(pages, seq) as unknown as Record<string, unknown>;
          const [name = '', inner] = path.split('.');
          const holder = inner === undefined ? event : event[name];
          if (typeof holder !== 'object' || holder === null) return; // no prev on the first event
          const key = inner ?? name;
          const before = (holder as Record<string, unknown>)[key];
          fc.pre(canonicalize(before) !== canonicalize(value));
          (holder as Record<string, unknown>)[key] = value;
          expect(verifyEvidence(pages).ok).toBe(false);
        },
      ),
    );
  });

  it('a field removed, or one added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.constantFrom(...fields), (seq, field) => {
        const pages = copy();
        const event = eventAt(pages, seq) as unknown as Record<string, unknown>;
        fc.pre(event[field] !== undefined);
        delete event[field];
        expect(verifyEvidence(pages).ok).toBe(false);
        const extended = copy();
        Object.assign(eventAt(extended, seq), { [`${field}2`]: 1 });
        expect(verifyEvidence(extended).ok).toBe(false);
      }),
    );
  });
});

describe('what the verifier says', () => {
  it('says each problem in kk, ru and en, each its own', () => {
    for (const code of Object.keys(evidenceProblems) as EvidenceProblemCode[]) {
      const text = evidenceProblemText(code, { seq: 3, page: 2, position: 2, by: 4, fields: ['x'] });
      expect(new Set([text.kk, text.ru, text.en]).size, code).toBe(3);
      expect(text.kk, code).toMatch(/[әғқңөұүһі]/);
      expect(text.ru, code).toMatch(/[а-яё]/);
      expect(text.en, code).not.toMatch(/[а-яёәғқңөұүһі]/i);
    }
  });
});

describe('a pack made to exhaust the verifier', () => {
  it('judges an event whose seq is a billion, where listing the gap would exhaust memory and crash', () => {
    const pages = copy();
    const event = eventAt(pages, 5) as unknown as Record<string, unknown>;
    event.seq = 1_000_000_000;
    expect(codes(pages)).toEqual(expect.arrayContaining(['EVENT_MISSING']));
  });
});
