import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { apiRoutes } from '../../functions/api-routes.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { localize } from '../../shared/domain/error-catalogue.ts';
import { aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { akimat, candidateCaller, commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { linesFrom, voterRows } from '../support/signers.ts';
import { withoutIds } from '../support/without-ids.ts';

const E = '195230100-2026-03-15';
const CaseSchema = z.object({ caseId: z.string(), version: z.int(), status: z.string() });
const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
});
const voters = voterRows(400);
const partyFiling = aPartyFiling('amanat', 1);
const selfFiling = aSelfFiling(2);

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;
let partyCase: string;
let selfCase: string;

const roles = {
  commission,
  otherCommission: { role: 'commission', subject: 'tec-2', district: '2710' },
  akimat,
  otherAkimat: { role: 'akimat', subject: 'akimat-2', district: '2710' },
  party: partyCaller('amanat'),
  otherParty: partyCaller('auyl'),
  candidate: candidateCaller(selfFiling.candidate.iin),
  otherCandidate: candidateCaller('061211600012'),
  public: { role: 'public' },
} as const satisfies Record<string, Caller>;
type RoleName = keyof typeof roles;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  await api(commission, 'POST', '/elections', newElectionInput());
  await api(commission, 'POST', `/elections/${E}/voter-register`, { source: 'list', voters });
  partyCase = CaseSchema.parse(
    (await api(roles.party, 'POST', `/elections/${E}/cases`, partyFiling)).body,
  ).caseId;
  selfCase = CaseSchema.parse(
    (await api(roles.candidate, 'POST', `/elections/${E}/cases`, selfFiling)).body,
  ).caseId;
});
afterAll(() => engine.kill('SIGTERM'));

describe('who may do what: every operation against every role', () => {
  // Each row: an operation as a request, and the roles allowed through (their call may still fail on a rule).
  const matrix: [string, () => [string, string, unknown], RoleName[]][] = [
    [
      'createElection',
      () => [
        'POST',
        '/elections',
        { ...newElectionInput(), unit: { ...newElectionInput().unit, kato: '195239900' } },
      ],
      ['commission'],
    ],
    ['getElection', () => ['GET', `/elections/${E}`, undefined], Object.keys(roles) as RoleName[]],
    [
      'importVoterRegister',
      () => ['POST', `/elections/${E}/voter-register`, { source: 'again', voters }],
      ['commission'],
    ],
    [
      'fileNomination',
      () => ['POST', `/elections/${E}/cases`, aPartyFiling('amanat', 9)],
      ['commission', 'party'],
    ],
    [
      'listCases',
      () => ['GET', `/elections/${E}/cases`, undefined],
      ['commission', 'akimat', 'party', 'otherParty', 'candidate', 'otherCandidate'],
    ],
    [
      'getCase',
      () => ['GET', `/elections/${E}/cases/${partyCase}`, undefined],
      ['commission', 'akimat', 'party'],
    ],
    [
      'getCaseTimeline',
      () => ['GET', `/elections/${E}/cases/${selfCase}/timeline`, undefined],
      ['commission', 'akimat', 'candidate'],
    ],
    [
      'getCaseEvidence',
      () => ['GET', `/elections/${E}/cases/${selfCase}/evidence`, undefined],
      ['commission', 'candidate'],
    ],
    [
      'submitSignatures',
      () => [
        'POST',
        `/elections/${E}/cases/${selfCase}/signatures`,
        { lines: linesFrom(voters.slice(0, 1)) },
      ],
      ['commission', 'candidate'],
    ],
    [
      'confirmPartyNomination',
      () => ['POST', `/elections/${E}/cases/${partyCase}/party-confirmation`, { decision: 'confirm' }],
      ['party'],
    ],
    [
      'recordCommunityConsent',
      () => [
        'POST',
        `/elections/${E}/cases/${partyCase}/community-consent`,
        {
          meetingDate: '2026-02-20',
          protocolNumber: '1',
          members: 10,
          membersNotifiedOn: '2026-02-10',
          attendance: 8,
          votesFor: 8,
          votesAgainst: 0,
          abstained: 0,
        },
      ],
      ['akimat'],
    ],
    [
      'decideRegistration',
      () => [
        'POST',
        `/elections/${E}/cases/${partyCase}/registration-decision`,
        { decision: 'refuse', grounds: ['false-information'], reasons: 'test' },
      ],
      ['commission'],
    ],
    [
      'cancelRegistration',
      () => [
        'POST',
        `/elections/${E}/cases/${partyCase}/registration-cancellation`,
        { grounds: ['false-information'], reasons: 'test' },
      ],
      ['commission'],
    ],
    [
      'reinstateCase',
      () => [
        'POST',
        `/elections/${E}/cases/${partyCase}/reinstatement`,
        {
          decision: { body: 'court', bodyName: 'Abai regional court', date: '2026-02-05', number: '2-1' },
          to: 'registered',
        },
      ],
      ['commission'],
    ],
    [
      'listCandidates',
      () => ['GET', `/elections/${E}/candidates`, undefined],
      Object.keys(roles) as RoleName[],
    ],
    ['getTime', () => ['GET', '/time', undefined], Object.keys(roles) as RoleName[]],
    ['listElections', () => ['GET', '/elections?district=1952', undefined], Object.keys(roles) as RoleName[]],
    [
      'listNotices',
      () => ['GET', '/notices?district=1952', undefined],
      (Object.keys(roles) as RoleName[]).filter((role) => role !== 'public'),
    ],
    [
      'markNoticesRead',
      () => ['POST', '/notices/read', { upTo: '2026-02-10T00:00:00Z' }],
      (Object.keys(roles) as RoleName[]).filter((role) => role !== 'public'),
    ],
    // A party's or a candidate's own cases: theirs to read, nobody else's.
    [
      'listMyCases',
      () => ['GET', '/my-cases', undefined],
      ['party', 'otherParty', 'candidate', 'otherCandidate'],
    ],
    // Accounts are a commission administrator's, which none of these callers is (test/e2e/accounts-api.test.ts).
    ['listAccounts', () => ['GET', '/accounts', undefined], []],
    ['createAccount', () => ['POST', '/accounts', { role: 'party', scope: 'amanat', name: 'Хатшы' }], []],
    ['disableAccount', () => ['POST', '/accounts/acct-000000000000000000000000/disablement', {}], []],
  ];

  it('tries every operation of the API, but those whose rows need a resource of their own', () => {
    // withdrawNomination: the test below (its own case, its own party); createUpload and getJob need an upload
    // or a job of their own (test/e2e/bulk-jobs.test.ts tries them as a rival).
    const elsewhere = ['withdrawNomination', 'createUpload', 'getJob'];
    const tried = new Set([...matrix.map(([operationId]) => operationId), ...elsewhere]);
    expect(apiRoutes.map((route) => route.operationId).filter((id) => !tried.has(id))).toEqual([]);
  });

  it.each(matrix)('%s', async (_, request, allowed) => {
    for (const role of Object.keys(roles) as RoleName[]) {
      const [method, path, body] = request();
      const response = await api(roles[role], method === 'GET' ? 'GET' : 'POST', path, body);
      if (allowed.includes(role)) {
        expect(
          [401, 403],
          `${role} should be let through, got ${JSON.stringify(response.body)}`,
        ).not.toContain(response.status);
      } else {
        expect(response.status, `${role} must be refused`).toBe(role === 'public' ? 401 : 403);
        // A refusal tells nothing of the resource.
        expect(withoutIds(JSON.stringify(response.body))).not.toMatch(/fullName|caseId|\d{12}/);
      }
    }
  });

  it('lets a candidate withdraw only their own case, and their party revoke it', async () => {
    for (const role of ['otherCandidate', 'otherParty', 'commission', 'akimat', 'public'] as const) {
      const response = await api(roles[role], 'POST', `/elections/${E}/cases/${selfCase}/withdrawal`, {});
      expect(response.status).toBe(role === 'public' ? 401 : 403);
    }
    const withdrawn = await api(roles.candidate, 'POST', `/elections/${E}/cases/${selfCase}/withdrawal`, {});
    expect(withdrawn.body).toMatchObject({ status: 'Withdrawn' });
  });

  it('refuses a forged or expired token', async () => {
    const forged = await fetch(`${engine.url}/elections/${E}/cases`, {
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    expect(forged.status).toBe(401);
  });
});

describe('bad input: 400 with every problem, in the caller’s language, and nothing written', () => {
  async function caseVersion(caseId: string) {
    return CaseSchema.parse((await api(commission, 'GET', `/elections/${E}/cases/${caseId}`)).body).version;
  }

  const bad: [string, (caller: Caller) => Promise<{ status: number; body: unknown }>, string[]][] = [
    [
      'createElection',
      (c) =>
        api(
          c,
          'POST',
          '/elections',
          {
            unit: { kato: '12', kind: 'village', nameKk: 'А', nameRu: 'А' },
            electionDay: '2026-13-01',
            calledOn: 5,
            regime: 'kz-2023',
            mayor: 1,
          },
          { 'accept-language': 'ru' },
        ),
      ['unit.kato', 'electionDay', 'calledOn', 'mayor'],
    ],
    [
      'importVoterRegister',
      (c) =>
        api(
          c,
          'POST',
          `/elections/${E}/voter-register`,
          {
            source: 'x',
            voters: [
              { ...voters[0], iin: '123' },
              { ...voters[1], birthDate: '2015-01-01' },
            ],
          },
          { 'accept-language': 'ru' },
        ),
      ['voters.0.iin', 'voters.1.birthDate'],
    ],
    [
      'fileNomination',
      (c) =>
        api(
          c,
          'POST',
          `/elections/${E}/cases`,
          {
            route: 'self',
            candidate: { ...selfFiling.candidate, iin: '061211600013', education: 'phd' },
            note: 'x',
          },
          { 'accept-language': 'ru' },
        ),
      ['candidate.iin', 'candidate.education', 'note'],
    ],
    [
      'submitSignatures',
      (c) =>
        api(
          c,
          'POST',
          `/elections/${E}/cases/${partyCase}/signatures`,
          { lines: [{ ...linesFrom(voters.slice(0, 1))[0], sheet: 'x', signedOn: '2026-02-30' }] },
          { 'accept-language': 'ru' },
        ),
      ['lines.0.sheet', 'lines.0.signedOn'],
    ],
    [
      'confirmPartyNomination',
      (c) =>
        api(
          c,
          'POST',
          `/elections/${E}/cases/${partyCase}/party-confirmation`,
          { decision: 'maybe' },
          { 'accept-language': 'ru' },
        ),
      ['decision'],
    ],
    [
      'recordCommunityConsent',
      (c) =>
        api(
          c,
          'POST',
          `/elections/${E}/cases/${partyCase}/community-consent`,
          {
            meetingDate: '2026-02-20',
            protocolNumber: '1',
            members: 10,
            membersNotifiedOn: '2026-02-10',
            attendance: 12,
            votesFor: 13,
            votesAgainst: 0,
            abstained: 0,
          },
          { 'accept-language': 'ru' },
        ),
      ['attendance', 'votesFor'],
    ],
    [
      'decideRegistration',
      (c) =>
        api(
          c,
          'POST',
          `/elections/${E}/cases/${partyCase}/registration-decision`,
          { decision: 'refuse' },
          { 'accept-language': 'ru' },
        ),
      ['grounds', 'reasons'],
    ],
  ];
  const callerFor: Record<string, Caller> = {
    createElection: commission,
    importVoterRegister: commission,
    fileNomination: commission,
    submitSignatures: commission,
    confirmPartyNomination: roles.party,
    recordCommunityConsent: akimat,
    decideRegistration: commission,
  };

  it.each(bad)('%s', async (operation, send, fields) => {
    const before = await caseVersion(partyCase);
    const casesBefore = (await api(commission, 'GET', `/elections/${E}/cases`)).body;
    const response = await send(callerFor[operation] ?? commission);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    const { error } = ErrorSchema.parse(response.body);
    expect(error.message).toBe(localize('VALIDATION_FAILED').ru);
    expect(error.issues?.map((i) => i.field)).toEqual(expect.arrayContaining(fields));
    for (const issue of error.issues ?? []) expect(issue.message).toMatch(/[А-я]/);
    expect(await caseVersion(partyCase)).toBe(before);
    expect((await api(commission, 'GET', `/elections/${E}/cases`)).body).toEqual(casesBefore);
  });

  it('refuses a body that is not JSON, one of another media type, and one too large', async () => {
    const notJson = await api(commission, 'POST', '/elections', '{"unit":');
    expect(notJson.status).toBe(400);
    const xml = await api(commission, 'POST', '/elections', '<election/>', {
      'content-type': 'application/xml',
    });
    expect(xml.status).toBe(415);
    const huge = await api(
      commission,
      'POST',
      `/elections/${E}/voter-register`,
      'x'.repeat(17 * 1024 * 1024),
      { 'content-type': 'text/csv' },
    );
    expect(huge.status).toBe(413);
  });

  it('keeps its answer in English or Kazakh on request, Kazakh by default', async () => {
    const en = ErrorSchema.parse(
      (
        await api(
          roles.party,
          'POST',
          `/elections/${E}/cases/${partyCase}/party-confirmation`,
          {},
          { 'accept-language': 'en' },
        )
      ).body,
    );
    const kk = ErrorSchema.parse(
      (await api(roles.party, 'POST', `/elections/${E}/cases/${partyCase}/party-confirmation`, {})).body,
    );
    expect(en.error.issues?.[0]).toMatchObject({ field: 'decision', message: 'This field is required.' });
    expect(kk.error.issues?.[0]?.message).toBe(localize('REQUIRED').kk);
  });
});

describe('Idempotency-Key', () => {
  it('answers a repeated filing with the first answer and files once', async () => {
    const filing = aPartyFiling('nur', 20);
    const headers = { 'idempotency-key': 'file-nur-20' };
    const first = await api(partyCaller('nur'), 'POST', `/elections/${E}/cases`, filing, headers);
    const again = await api(partyCaller('nur'), 'POST', `/elections/${E}/cases`, filing, headers);
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    const own = z
      .object({ cases: z.array(z.unknown()) })
      .parse((await api(partyCaller('nur'), 'GET', `/elections/${E}/cases`)).body);
    expect(own.cases).toHaveLength(1);
  });

  it('refuses the same key with another body, and keeps keys apart between callers', async () => {
    const headers = { 'idempotency-key': 'file-auyl' };
    expect(
      (await api(partyCaller('auyl'), 'POST', `/elections/${E}/cases`, aPartyFiling('auyl', 21), headers))
        .status,
    ).toBe(201);
    const reused = await api(
      partyCaller('auyl'),
      'POST',
      `/elections/${E}/cases`,
      aPartyFiling('auyl', 22),
      headers,
    );
    expect(reused.status).toBe(422);
    expect(ErrorSchema.parse(reused.body).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherCaller = await api(
      partyCaller('respublica'),
      'POST',
      `/elections/${E}/cases`,
      aPartyFiling('respublica', 23),
      headers,
    );
    expect(otherCaller.status).toBe(201);
  });

  it('gives a repeated decision its first answer instead of a conflict', async () => {
    const filing = aPartyFiling('aq-jol', 24);
    const caseId = CaseSchema.parse(
      (await api(partyCaller('aq-jol'), 'POST', `/elections/${E}/cases`, filing)).body,
    ).caseId;
    const headers = { 'idempotency-key': 'confirm-1' };
    const path = `/elections/${E}/cases/${caseId}/party-confirmation`;
    const first = await api(partyCaller('aq-jol'), 'POST', path, { decision: 'confirm' }, headers);
    const again = await api(partyCaller('aq-jol'), 'POST', path, { decision: 'confirm' }, headers);
    const noKey = await api(partyCaller('aq-jol'), 'POST', path, { decision: 'confirm' });
    expect(again).toEqual(first);
    expect(noKey.status).toBe(409);
    expect(ErrorSchema.parse(noKey.body).error.code).toBe('STEP_ALREADY_DECIDED');
  });
});

describe('a large voter register as CSV', () => {
  const RegisterSchema = z.object({ voterRegister: z.object({ voters: z.int(), snapshotId: z.string() }) });
  const big = voterRows(20_000, 10_000);
  const csv = (rows: typeof big) =>
    [
      'iin,fullName,birthDate,address',
      ...rows.map((v) => `${v.iin},${v.fullName},${v.birthDate},"${v.address}"`),
    ].join('\n');

  it('refuses the whole file for one bad row, naming it, and keeps the register it had', async () => {
    const before = RegisterSchema.parse((await api(commission, 'GET', `/elections/${E}`)).body).voterRegister;
    const broken = big.map((v, i) => (i === 14_999 ? { ...v, iin: `${v.iin.slice(0, 11)}x` } : v));
    const response = await api(commission, 'POST', `/elections/${E}/voter-register`, csv(broken), {
      'content-type': 'text/csv',
    });
    expect(response.status).toBe(400);
    expect(ErrorSchema.parse(response.body).error.issues?.map((i) => i.field)).toEqual(['voters.14999.iin']);
    expect(
      RegisterSchema.parse((await api(commission, 'GET', `/elections/${E}`)).body).voterRegister,
    ).toEqual(before);
  });

  it('imports twenty thousand rows and fixes the threshold on them', async () => {
    const response = await api(
      commission,
      'POST',
      `/elections/${E}/voter-register?source=cec-export`,
      csv(big),
      { 'content-type': 'text/csv' },
    );
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(201);
    expect(RegisterSchema.parse(response.body).voterRegister.voters).toBe(20_000);
  });
});
