import { useState } from 'preact/hooks';
import type { Answer } from '../api/client.ts';
import { ErrorSummary, fieldMessage } from '../components/error-summary.tsx';
import { IinField } from '../components/iin-field.tsx';
import { SelectField } from '../components/select-field.tsx';
import { SubmitButton, useSubmission } from '../components/submission.tsx';
import { TextField } from '../components/text-field.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { signatureReasonText } from '../lib/signature-reasons.ts';
import { caseRequest } from './case-request.ts';

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
        params: caseRequest(props, key),
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
        params: caseRequest(props, key),
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
        params: caseRequest(props, key),
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
        params: caseRequest(props, key),
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
        return (
          <fieldset key={`${index}`} class="paper-line">
            <legend>{t('paperLine', { number: index + 1 })}</legend>
            {typed('sheet', t('colSheet'))}
            {typed('line', t('colLine'))}
            <IinField
              form="paper"
              name={`lines.${index}.iin`}
              label={t('colIin')}
              value={line.iin}
              onInput={(value) => change(index, 'iin', value)}
              error={fieldMessage(problem, `lines.${index}.iin`)}
            />
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
