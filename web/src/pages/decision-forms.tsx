import { useState } from 'preact/hooks';
import type { Problem } from '../api/problem.ts';
import { CheckboxGroup } from '../components/checkbox-group.tsx';
import { ErrorSummary, fieldId, fieldMessage } from '../components/error-summary.tsx';
import { textFieldsOf } from '../components/form-text-fields.tsx';
import { SelectField } from '../components/select-field.tsx';
import { SubmitButton, useSubmission } from '../components/submission.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { caseRequest } from './case-request.ts';

interface FormProps {
  readonly electionId: string;
  readonly caseId: string;
  /** The grounds the election allows this decision to cite. */
  readonly grounds: readonly string[];
  /** Called once the API has recorded the decision: the page reads the case again. */
  readonly onDone: () => void;
}

/** A refusal or a cancellation must cite a ground: said at once, with no request sent. */
function groundMissing(grounds: readonly string[], message: string): Problem | null {
  return grounds.length === 0 ? { code: 'INVALID', message, fields: [{ field: 'grounds', message }] } : null;
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

/** The grounds cited from the election's list and the reasons in words: a refusal's or a cancellation's. */
function useGrounds(form: string, available: readonly string[], problem: Problem | null) {
  const { t, label } = useWords();
  const [grounds, setGrounds] = useState<string[]>([]);
  const [reasons, setReasons] = useState('');
  const fields = (
    <>
      <CheckboxGroup
        form={form}
        name="grounds"
        legend={t('grounds')}
        options={available.map((ground) => ({ value: ground, text: label('ground', ground) }))}
        chosen={grounds}
        onChange={setGrounds}
        error={fieldMessage(problem, 'grounds')}
      />
      {textFieldsOf(
        form,
        problem,
      )({
        name: 'reasons',
        label: t('reasons'),
        multiline: true,
        value: reasons,
        onInput: setReasons,
      })}
    </>
  );
  return { grounds, reasons, fields };
}

/** The decision's number in the commission's register, sent only when typed: the document prints it. */
function useDecisionNumber(form: string, problem: Problem | null) {
  const { t } = useWords();
  const [number, setNumber] = useState('');
  const field = textFieldsOf(
    form,
    problem,
  )({
    name: 'number',
    label: t('decisionNumber'),
    hint: t('decisionNumberHint'),
    value: number,
    onInput: setNumber,
  });
  return { number: number.trim() === '' ? {} : { number: number.trim() }, field };
}

/** The registration decision: register (with the checks' results) or refuse, citing the election's grounds. */
export function RegistrationDecisionForm(props: FormProps & { readonly refuse: boolean }) {
  const { t } = useWords();
  const { client } = useDesk();
  const form = props.refuse ? 'refuse' : 'register';
  const { problem, sending, send, setProblem } = useSubmission();
  const [specialCheck, setSpecialCheck] = useState<'pending' | 'passed' | 'failed'>('pending');
  const [declarations, setDeclarations] = useState(false);
  const { grounds, reasons, fields } = useGrounds(form, props.grounds, problem);
  const { number, field: numberField } = useDecisionNumber(form, problem);
  const submit = async (event: Event) => {
    event.preventDefault();
    const missing = props.refuse ? groundMissing(grounds, t('chooseGround')) : null;
    if (missing !== null) {
      setProblem(missing);
      return;
    }
    const checks = { specialCheck, declarationsFiled: declarations, disqualification: null };
    const body = props.refuse
      ? { decision: 'refuse' as const, checks, grounds, reasons, ...number }
      : { decision: 'register' as const, checks, ...number };
    const done = await send((key) =>
      client.POST('/elections/{electionId}/cases/{caseId}/registration-decision', {
        params: caseRequest(props, key),
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
      {props.refuse && fields}
      {numberField}
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
  const { grounds, reasons, fields } = useGrounds(form, props.grounds, problem);
  const { number, field: numberField } = useDecisionNumber(form, problem);
  const submit = async (event: Event) => {
    event.preventDefault();
    const missing = groundMissing(grounds, t('chooseGround'));
    if (missing !== null) {
      setProblem(missing);
      return;
    }
    const done = await send((key) =>
      client.POST('/elections/{electionId}/cases/{caseId}/registration-cancellation', {
        params: caseRequest(props, key),
        body: { grounds, reasons, ...number },
      }),
    );
    if (done) props.onDone();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="cancel-title">
      <h3 id="cancel-title">{t('decisionFormCancel')}</h3>
      {problem && <ErrorSummary problem={problem} form={form} />}
      {fields}
      {numberField}
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
  const field = textFieldsOf(form, problem);
  const submit = async (event: Event) => {
    event.preventDefault();
    const done = await send((key) =>
      client.POST('/elections/{electionId}/cases/{caseId}/reinstatement', {
        params: caseRequest(props, key),
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
      {field({
        name: 'decision.bodyName',
        label: t('overturningBodyName'),
        value: bodyName,
        onInput: setBodyName,
      })}
      {field({
        name: 'decision.date',
        label: t('overturningDate'),
        type: 'date',
        value: date,
        onInput: setDate,
      })}
      {field({ name: 'decision.number', label: t('overturningNumber'), value: number, onInput: setNumber })}
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
      {field({ name: 'reasons', label: t('reasons'), multiline: true, value: reasons, onInput: setReasons })}
      <SubmitButton sending={sending} />
    </form>
  );
}
