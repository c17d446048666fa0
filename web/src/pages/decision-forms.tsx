import { useState } from 'preact/hooks';
import { outcome, type Problem } from '../api/problem.ts';
import { ErrorSummary, fieldId, fieldMessage } from '../components/error-summary.tsx';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';

interface FormProps {
  readonly electionId: string;
  readonly caseId: string;
  /** The grounds the election allows this decision to cite. */
  readonly grounds: readonly string[];
  /** Called once the API has recorded the decision: the page reads the case again. */
  readonly onDone: () => void;
}

/**
 * One submission's key, kept until the API answers: a decision sent again after a lost answer is the same
 * decision (Idempotency-Key), never a second one.
 */
export function useSubmission() {
  const { t } = useWords();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  const send = async (
    call: (key: string) => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  ) => {
    setSending(true);
    const result = await outcome(call(key), t('networkError'));
    setSending(false);
    if (result.ok) {
      setProblem(null);
      setKey(crypto.randomUUID());
      return true;
    }
    // A refusal is final for this body; the key goes with it, so that a corrected form is a new request.
    if (result.problem.code !== 'NETWORK') setKey(crypto.randomUUID());
    setProblem(result.problem);
    return false;
  };
  return { problem, sending, send, setProblem };
}

export function SubmitButton({ sending }: { readonly sending: boolean }) {
  const { t } = useWords();
  return (
    <button type="submit" disabled={sending} aria-busy={sending}>
      {sending ? t('sending') : t('submit')}
    </button>
  );
}

function Checks({
  form,
  specialCheck,
  setSpecialCheck,
  declarations,
  setDeclarations,
}: {
  readonly form: string;
  readonly specialCheck: 'pending' | 'passed' | 'failed';
  readonly setSpecialCheck: (value: 'pending' | 'passed' | 'failed') => void;
  readonly declarations: boolean;
  readonly setDeclarations: (value: boolean) => void;
}) {
  const { t } = useWords();
  return (
    <>
      <SelectField
        form={form}
        name="checks.specialCheck"
        label={t('checkSpecial')}
        value={specialCheck}
        options={[
          { value: 'pending', text: t('checkSpecialPending') },
          { value: 'passed', text: t('checkSpecialPassed') },
          { value: 'failed', text: t('checkSpecialFailed') },
        ]}
        onChange={(value) =>
          setSpecialCheck(value === 'passed' ? 'passed' : value === 'failed' ? 'failed' : 'pending')
        }
      />
      <div class="form-group checkbox">
        <input
          type="checkbox"
          id={fieldId(form, 'checks.declarationsFiled')}
          checked={declarations}
          onChange={(event) => setDeclarations(event.currentTarget.checked)}
        />
        <label for={fieldId(form, 'checks.declarationsFiled')}>{t('checkDeclarations')}</label>
      </div>
    </>
  );
}

function GroundChoice({
  form,
  grounds,
  chosen,
  setChosen,
  problem,
}: {
  readonly form: string;
  readonly grounds: readonly string[];
  readonly chosen: readonly string[];
  readonly setChosen: (grounds: string[]) => void;
  readonly problem: Problem | null;
}) {
  const { t, label } = useWords();
  const error = fieldMessage(problem, 'grounds');
  return (
    <fieldset
      class={error ? 'form-group form-group-error' : 'form-group'}
      id={fieldId(form, 'grounds')}
      tabIndex={-1}
    >
      <legend>{t('grounds')}</legend>
      {error && <p class="error-message">{error}</p>}
      {grounds.map((ground) => {
        const id = fieldId(form, `ground-${ground}`);
        return (
          <div class="checkbox" key={ground}>
            <input
              type="checkbox"
              id={id}
              checked={chosen.includes(ground)}
              onChange={(event) =>
                setChosen(
                  event.currentTarget.checked
                    ? [...chosen, ground]
                    : chosen.filter((other) => other !== ground),
                )
              }
            />
            <label for={id}>{label('ground', ground)}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** The registration decision: register (with the checks' results) or refuse, citing the election's grounds. */
export function RegistrationDecisionForm(props: FormProps & { readonly refuse: boolean }) {
  const { t } = useWords();
  const { client } = useDesk();
  const form = props.refuse ? 'refuse' : 'register';
  const { problem, sending, send, setProblem } = useSubmission();
  const [specialCheck, setSpecialCheck] = useState<'pending' | 'passed' | 'failed'>('pending');
  const [declarations, setDeclarations] = useState(false);
  const [grounds, setGrounds] = useState<string[]>([]);
  const [reasons, setReasons] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (props.refuse && grounds.length === 0) {
      const message = t('chooseGround');
      setProblem({ code: 'INVALID', message, fields: [{ field: 'grounds', message }] });
      return;
    }
    const checks = { specialCheck, declarationsFiled: declarations, disqualification: null };
    const body = props.refuse
      ? { decision: 'refuse' as const, checks, grounds, reasons }
      : { decision: 'register' as const, checks };
    const done = await send((key) =>
      client.POST('/elections/{electionId}/cases/{caseId}/registration-decision', {
        params: {
          path: { electionId: props.electionId, caseId: props.caseId },
          header: { 'Idempotency-Key': key },
        },
        body,
      }),
    );
    if (done) props.onDone();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${form}-title`}>
      <h3 id={`${form}-title`}>{props.refuse ? t('decisionFormRefuse') : t('decisionFormRegister')}</h3>
      {problem && <ErrorSummary problem={problem} form={form} />}
      <Checks
        form={form}
        specialCheck={specialCheck}
        setSpecialCheck={setSpecialCheck}
        declarations={declarations}
        setDeclarations={setDeclarations}
      />
      {props.refuse && (
        <>
          <GroundChoice
            form={form}
            grounds={props.grounds}
            chosen={grounds}
            setChosen={setGrounds}
            problem={problem}
          />
          <TextField
            form={form}
            name="reasons"
            label={t('reasons')}
            multiline
            value={reasons}
            onInput={setReasons}
            error={fieldMessage(problem, 'reasons')}
          />
        </>
      )}
      <SubmitButton sending={sending} />
    </form>
  );
}

/** Cancellation of a registration, citing the election's cancellation grounds. */
export function CancellationForm(props: FormProps) {
  const { t } = useWords();
  const { client } = useDesk();
  const form = 'cancel';
  const { problem, sending, send, setProblem } = useSubmission();
  const [grounds, setGrounds] = useState<string[]>([]);
  const [reasons, setReasons] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (grounds.length === 0) {
      const message = t('chooseGround');
      setProblem({ code: 'INVALID', message, fields: [{ field: 'grounds', message }] });
      return;
    }
    const done = await send((key) =>
      client.POST('/elections/{electionId}/cases/{caseId}/registration-cancellation', {
        params: {
          path: { electionId: props.electionId, caseId: props.caseId },
          header: { 'Idempotency-Key': key },
        },
        body: { grounds, reasons },
      }),
    );
    if (done) props.onDone();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="cancel-title">
      <h3 id="cancel-title">{t('decisionFormCancel')}</h3>
      {problem && <ErrorSummary problem={problem} form={form} />}
      <GroundChoice
        form={form}
        grounds={props.grounds}
        chosen={grounds}
        setChosen={setGrounds}
        problem={problem}
      />
      <TextField
        form={form}
        name="reasons"
        label={t('reasons')}
        multiline
        value={reasons}
        onInput={setReasons}
        error={fieldMessage(problem, 'reasons')}
      />
      <SubmitButton sending={sending} />
    </form>
  );
}

/** A court's or a higher commission's decision that overturns a refusal or a cancellation. */
export function ReinstatementForm(props: Omit<FormProps, 'grounds'>) {
  const { t } = useWords();
  const { client } = useDesk();
  const form = 'reinstate';
  const { problem, sending, send } = useSubmission();
  const [body, setBody] = useState<'court' | 'higher-commission'>('court');
  const [bodyName, setBodyName] = useState('');
  const [date, setDate] = useState('');
  const [number, setNumber] = useState('');
  const [to, setTo] = useState<'registered' | 'registration-decision'>('registered');
  const [reasons, setReasons] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const done = await send((key) =>
      client.POST('/elections/{electionId}/cases/{caseId}/reinstatement', {
        params: {
          path: { electionId: props.electionId, caseId: props.caseId },
          header: { 'Idempotency-Key': key },
        },
        body: {
          decision: { body, bodyName, date, number },
          to,
          ...(reasons.trim() === '' ? {} : { reasons }),
        },
      }),
    );
    if (done) props.onDone();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="reinstate-title">
      <h3 id="reinstate-title">{t('decisionFormReinstate')}</h3>
      {problem && <ErrorSummary problem={problem} form={form} />}
      <SelectField
        form={form}
        name="decision.body"
        label={t('overturningBody')}
        value={body}
        options={[
          { value: 'court', text: t('overturningCourt') },
          { value: 'higher-commission', text: t('overturningHigherCommission') },
        ]}
        onChange={(value) => setBody(value === 'higher-commission' ? 'higher-commission' : 'court')}
      />
      <TextField
        form={form}
        name="decision.bodyName"
        label={t('overturningBodyName')}
        value={bodyName}
        onInput={setBodyName}
        error={fieldMessage(problem, 'decision.bodyName')}
      />
      <TextField
        form={form}
        name="decision.date"
        type="date"
        label={t('overturningDate')}
        value={date}
        onInput={setDate}
        error={fieldMessage(problem, 'decision.date')}
      />
      <TextField
        form={form}
        name="decision.number"
        label={t('overturningNumber')}
        value={number}
        onInput={setNumber}
        error={fieldMessage(problem, 'decision.number')}
      />
      <SelectField
        form={form}
        name="to"
        label={t('reinstateTo')}
        value={to}
        options={[
          { value: 'registered', text: t('reinstateToRegistered') },
          { value: 'registration-decision', text: t('reinstateToDecision') },
        ]}
        onChange={(value) =>
          setTo(value === 'registration-decision' ? 'registration-decision' : 'registered')
        }
      />
      <TextField
        form={form}
        name="reasons"
        label={t('reasons')}
        multiline
        value={reasons}
        onInput={setReasons}
        error={fieldMessage(problem, 'reasons')}
      />
      <SubmitButton sending={sending} />
    </form>
  );
}
