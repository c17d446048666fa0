import { useState } from 'preact/hooks';
import { iinDefectOf } from '../../../shared/domain/iin.ts';
import type { Answer } from '../api/client.ts';
import { outcome, type Problem } from '../api/problem.ts';
import { ErrorSummary, fieldId, fieldMessage } from '../components/error-summary.tsx';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { signatureReasonText } from '../lib/signature-reasons.ts';
import { putWithProgress, uploadTypeOf } from '../lib/upload-file.ts';
import { SubmitButton, useSubmission } from './decision-forms.tsx';

interface CaseProps {
  readonly electionId: string;
  readonly caseId: string;
  /** The API recorded the act: the page reads the case again. */
  readonly onDone: () => void;
}

/** The party confirms its nominee, or declines. */
export function PartyConfirmationForm(props: CaseProps) {
  const { t } = useWords();
  const { client } = useDesk();
  const { problem, sending, send } = useSubmission();
  const [decision, setDecision] = useState<'confirm' | 'decline'>('confirm');
  const submit = async (event: Event) => {
    event.preventDefault();
    const done = await send((key) =>
      client.POST('/elections/{electionId}/cases/{caseId}/party-confirmation', {
        params: {
          path: { electionId: props.electionId, caseId: props.caseId },
          header: { 'Idempotency-Key': key },
        },
        body: { decision },
      }),
    );
    if (done) props.onDone();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="party-title">
      <h3 id="party-title">{t('partyConfirmTitle')}</h3>
      {problem && <ErrorSummary problem={problem} form="party" />}
      <SelectField
        form="party"
        name="decision"
        label={t('decision')}
        value={decision}
        options={[
          { value: 'confirm', text: t('partyConfirm') },
          { value: 'decline', text: t('partyDecline') },
        ]}
        onChange={(value) => setDecision(value === 'decline' ? 'decline' : 'confirm')}
      />
      <SubmitButton sending={sending} />
    </form>
  );
}

/** The candidate withdraws, or the party revokes its nominee: the same request, told by who sends it. */
export function WithdrawalForm(props: CaseProps) {
  const { t } = useWords();
  const { client } = useDesk();
  const { problem, sending, send } = useSubmission();
  const [reason, setReason] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const done = await send((key) =>
      client.POST('/elections/{electionId}/cases/{caseId}/withdrawal', {
        params: {
          path: { electionId: props.electionId, caseId: props.caseId },
          header: { 'Idempotency-Key': key },
        },
        body: reason.trim() === '' ? {} : { reason },
      }),
    );
    if (done) props.onDone();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="withdraw-title">
      <h3 id="withdraw-title">{t('withdrawTitle')}</h3>
      {problem && <ErrorSummary problem={problem} form="withdraw" />}
      <TextField
        form="withdraw"
        name="reason"
        label={t('withdrawReason')}
        multiline
        value={reason}
        onInput={setReason}
        error={fieldMessage(problem, 'reason')}
      />
      <SubmitButton sending={sending} />
    </form>
  );
}

const consentFields = [
  ['meetingDate', 'date'],
  ['membersNotifiedOn', 'date'],
  ['protocolNumber', 'text'],
  ['members', 'number'],
  ['attendance', 'number'],
  ['votesFor', 'number'],
  ['votesAgainst', 'number'],
  ['abstained', 'number'],
] as const;
type ConsentField = (typeof consentFields)[number][0];

/** The akimat records the local community meeting: its notice, quorum and vote (LGA 39-3). */
export function CommunityConsentForm(props: CaseProps) {
  const { t } = useWords();
  const { client } = useDesk();
  const { problem, sending, send } = useSubmission();
  const [values, setValues] = useState<Readonly<Record<ConsentField, string>>>({
    meetingDate: '',
    membersNotifiedOn: '',
    protocolNumber: '',
    members: '',
    attendance: '',
    votesFor: '',
    votesAgainst: '',
    abstained: '',
  });
  // A count left empty or not a whole number is sent as it is, for the API to name the field.
  const count = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);
  const submit = async (event: Event) => {
    event.preventDefault();
    const done = await send((key) =>
      client.POST('/elections/{electionId}/cases/{caseId}/community-consent', {
        params: {
          path: { electionId: props.electionId, caseId: props.caseId },
          header: { 'Idempotency-Key': key },
        },
        body: {
          meetingDate: values.meetingDate,
          membersNotifiedOn: values.membersNotifiedOn,
          protocolNumber: values.protocolNumber,
          members: count(values.members),
          attendance: count(values.attendance),
          votesFor: count(values.votesFor),
          votesAgainst: count(values.votesAgainst),
          abstained: count(values.abstained),
        },
      }),
    );
    if (done) props.onDone();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="consent-title">
      <h3 id="consent-title">{t('consentTitle')}</h3>
      {problem && <ErrorSummary problem={problem} form="consent" />}
      {consentFields.map(([name, kind]) => (
        <TextField
          key={name}
          form="consent"
          name={name}
          label={t(name)}
          type={kind === 'date' ? 'date' : 'text'}
          inputMode={kind === 'number' ? 'numeric' : 'text'}
          value={values[name]}
          onInput={(value) => setValues({ ...values, [name]: value })}
          error={fieldMessage(problem, name)}
        />
      ))}
      <SubmitButton sending={sending} />
    </form>
  );
}

type UploadStage =
  | { readonly stage: 'idle' }
  | { readonly stage: 'sending'; readonly percent: number }
  | { readonly stage: 'counting'; readonly done: number; readonly total: number | null }
  | { readonly stage: 'done' };

const terminal = new Set(['succeeded', 'refused', 'failed']);

/**
 * A file too large for a request (a self-nominee's signature sheets, the district's voter list): it goes straight
 * to storage (createUpload's URL) with its progress shown, then its job runs with its progress shown too, and the
 * page reads what it changed.
 */
export function BulkUpload(props: {
  readonly electionId: string;
  /** The case whose sheets the file holds; none for the voter list. */
  readonly caseId?: string;
  readonly title: string;
  readonly hint: string;
  readonly onDone: () => void;
}) {
  const { t, language } = useWords();
  const { client, apiUrl } = useDesk();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<UploadStage>({ stage: 'idle' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const fail = (next: Problem) => {
    setStage({ stage: 'idle' });
    setProblem(next);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (file === null) {
      const message = t('chooseFile');
      setProblem({ code: 'REQUIRED', message, fields: [{ field: 'file', message }] });
      return;
    }
    setProblem(null);
    const path = { electionId: props.electionId };
    const created = await outcome(
      client.POST('/elections/{electionId}/uploads', {
        params: { path },
        body: {
          ...(props.caseId === undefined
            ? { for: 'voter-register' as const }
            : { for: 'signatures' as const, caseId: props.caseId }),
          contentType: uploadTypeOf(file),
          bytes: file.size,
        },
      }),
      t('networkError'),
    );
    if (!created.ok) return fail(created.problem);
    setStage({ stage: 'sending', percent: 0 });
    const status = await putWithProgress(
      new URL(created.data.url, apiUrl).href,
      file,
      created.data.headers,
      (sent, total) => setStage({ stage: 'sending', percent: Math.floor((sent / total) * 100) }),
    );
    if (status < 200 || status >= 300)
      return fail({ code: 'UPLOAD', message: t('networkError'), fields: [] });
    // The upload's id keys the request: sent again after a lost answer, it is the same job.
    const header = { 'Idempotency-Key': created.data.uploadId };
    const body = { upload: created.data.uploadId };
    const started =
      props.caseId === undefined
        ? await outcome(
            client.POST('/elections/{electionId}/voter-register', { params: { path, header }, body }),
            t('networkError'),
          )
        : await outcome(
            client.POST('/elections/{electionId}/cases/{caseId}/signatures', {
              params: { path: { ...path, caseId: props.caseId }, header },
              body,
            }),
            t('networkError'),
          );
    if (!started.ok) return fail(started.problem);
    const jobId = 'job' in started.data ? started.data.job.jobId : null;
    for (let polls = 0; jobId !== null && polls < 3600; polls += 1) {
      const job = await outcome(
        client.GET('/elections/{electionId}/jobs/{jobId}', { params: { path: { ...path, jobId } } }),
        t('networkError'),
      );
      if (!job.ok) return fail(job.problem);
      const { state, progress, issues } = job.data;
      setStage({ stage: 'counting', done: progress.rowsDone, total: progress.rowsTotal });
      if (state === 'refused' || state === 'failed') {
        return fail({
          code: state,
          message: t('uploadRefused'),
          fields: issues.map((issue) => ({
            field: 'file',
            message:
              issue.line === undefined
                ? issue.message[language]
                : t('uploadLine', { line: issue.line, message: issue.message[language] }),
          })),
        });
      }
      if (terminal.has(state)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    setStage({ stage: 'done' });
    props.onDone();
  };
  const id = fieldId('upload', 'file');
  const error = fieldMessage(problem, 'file');
  return (
    <form onSubmit={submit} noValidate aria-labelledby="upload-title">
      <h3 id="upload-title">{props.title}</h3>
      {problem && <ErrorSummary problem={problem} form="upload" />}
      <div class={error ? 'form-group form-group-error' : 'form-group'}>
        <label for={id}>{t('uploadFile')}</label>
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
        {error && <p class="error-message">{error}</p>}
        <input
          type="file"
          id={id}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
        />
      </div>
      <div aria-live="polite">
        {stage.stage === 'sending' && (
          <p>
            <label for="upload-progress">{t('uploadSending', { percent: stage.percent })}</label>{' '}
            <progress id="upload-progress" max={100} value={stage.percent} />
          </p>
        )}
        {stage.stage === 'counting' && (
          <p>
            <label for="count-progress">
              {t('uploadCounting', { done: stage.done, total: stage.total ?? '…' })}
            </label>{' '}
            <progress
              id="count-progress"
              max={stage.total ?? undefined}
              value={stage.total === null ? undefined : stage.done}
            />
          </p>
        )}
        {stage.stage === 'done' && <p class="ok">{t('uploadDone')}</p>}
      </div>
      <SubmitButton sending={stage.stage === 'sending' || stage.stage === 'counting'} />
    </form>
  );
}

interface PaperLine {
  readonly sheet: string;
  readonly line: string;
  readonly iin: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly address: string;
  readonly signedOn: string;
  readonly collector: string;
}

const emptyLine = (sheet: string, line: number, previous?: PaperLine): PaperLine => ({
  sheet,
  line: String(line),
  iin: '',
  fullName: '',
  birthDate: '',
  address: '',
  signedOn: previous?.signedOn ?? '',
  collector: previous?.collector ?? '',
});

/**
 * Paper signature sheets typed in line by line, as the commission's clerk reads them: each IIN checked as it is
 * typed (its structure, century digit and check digit, by the product's own rule), then the lines sent together
 * and the verdict shown with each rejected line's reason.
 */
export function PaperSheetsForm(props: CaseProps) {
  const words = useWords();
  const { t } = words;
  const { client } = useDesk();
  const { problem, sending, send } = useSubmission();
  const [lines, setLines] = useState<readonly PaperLine[]>([emptyLine('1', 1)]);
  const [verdict, setVerdict] = useState<Extract<Answer<'submitSignatures'>, { rejected: unknown }> | null>(
    null,
  );
  const change = (index: number, field: keyof PaperLine, value: string) =>
    setLines(lines.map((line, at) => (at === index ? { ...line, [field]: value } : line)));
  const submit = async (event: Event) => {
    event.preventDefault();
    const done = await send(async (key) => {
      const result = await client.POST('/elections/{electionId}/cases/{caseId}/signatures', {
        params: {
          path: { electionId: props.electionId, caseId: props.caseId },
          header: { 'Idempotency-Key': key },
        },
        body: {
          lines: lines.map((line) => ({
            sheet: Number(line.sheet),
            line: Number(line.line),
            iin: line.iin.trim(),
            fullName: line.fullName,
            birthDate: line.birthDate,
            address: line.address,
            signedOn: line.signedOn,
            collector: line.collector,
          })),
        },
      });
      // A few typed lines are counted at once: the answer is the verdict (a job only for thousands of lines).
      if (result.data !== undefined && 'rejected' in result.data) setVerdict(result.data);
      return result;
    });
    if (done) props.onDone();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="paper-title">
      <h3 id="paper-title">{t('paperTitle')}</h3>
      {problem && <ErrorSummary problem={problem} form="paper" />}
      {lines.map((line, index) => {
        const defect = line.iin.trim().length === 12 ? iinDefectOf(line.iin.trim()) : null;
        const typed = (field: keyof PaperLine, label: string, type: 'text' | 'date' = 'text') => (
          <TextField
            form="paper"
            name={`lines.${index}.${field}`}
            label={label}
            type={type}
            value={line[field]}
            onInput={(value) => change(index, field, value)}
            error={fieldMessage(problem, `lines.${index}.${field}`)}
          />
        );
        const iinId = fieldId('paper', `lines.${index}.iin`);
        return (
          <fieldset key={`${index}`} class="paper-line">
            <legend>{t('paperLine', { number: index + 1 })}</legend>
            {typed('sheet', t('colSheet'))}
            {typed('line', t('colLine'))}
            <div class={defect ? 'form-group form-group-error' : 'form-group'}>
              <label for={iinId}>{t('colIin')}</label>
              <p class={defect ? 'error-message' : 'hint'} id={`${iinId}-check`} aria-live="polite">
                {defect
                  ? words.label('iinDefect', defect)
                  : line.iin.trim().length === 12
                    ? t('iinLooksRight')
                    : ''}
              </p>
              <input
                type="text"
                id={iinId}
                inputMode="numeric"
                maxLength={12}
                autocomplete="off"
                value={line.iin}
                aria-invalid={defect ? 'true' : undefined}
                aria-describedby={`${iinId}-check`}
                onInput={(event) => change(index, 'iin', event.currentTarget.value.replace(/\D/g, ''))}
              />
            </div>
            {typed('fullName', t('colName'))}
            {typed('birthDate', t('birthDate'), 'date')}
            {typed('address', t('address'))}
            {typed('signedOn', t('signedOn'), 'date')}
            {typed('collector', t('collector'))}
            {lines.length > 1 && (
              <button
                type="button"
                class="secondary-button"
                onClick={() => setLines(lines.filter((_, at) => at !== index))}
              >
                {t('removeLine')}
              </button>
            )}
          </fieldset>
        );
      })}
      <p>
        <button
          type="button"
          class="secondary-button"
          onClick={() => {
            const last = lines[lines.length - 1];
            setLines([...lines, emptyLine(last?.sheet ?? '1', Number(last?.line ?? 0) + 1, last)]);
          }}
        >
          {t('addLine')}
        </button>
      </p>
      <SubmitButton sending={sending} />
      {verdict && (
        <div aria-live="polite">
          <p>
            {t('verdictSummary', {
              valid: verdict.validCount,
              required: verdict.required,
              rejected: verdict.rejectedCount,
            })}
          </p>
          <ul>
            {verdict.rejected.map((rejected) => (
              <li key={`${rejected.sheet}/${rejected.line}`} class="rejected">
                {t('colSheet')} {rejected.sheet}, {t('colLine')} {rejected.line}:{' '}
                {signatureReasonText(rejected.reason ?? '', words)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
