import { useState } from 'preact/hooks';
import { CheckboxGroup } from '../components/checkbox-group.tsx';
import { ErrorSummary, fieldId, fieldMessage } from '../components/error-summary.tsx';
import { textFieldsOf } from '../components/form-text-fields.tsx';
import { IinField } from '../components/iin-field.tsx';
import { SelectField } from '../components/select-field.tsx';
import { SubmitButton, useSubmission } from '../components/submission.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { hrefOf } from '../routes.ts';

const documentKinds = [
  'identity-document',
  'application',
  'service-record',
  'education-document',
  'income-and-asset-declaration',
  'spouse-declaration',
] as const;
type DocumentKind = (typeof documentKinds)[number];
type Education = 'secondary' | 'technical-vocational' | 'higher';

/**
 * A nomination as its nominator files it (CLE 113-3): a party its member, a self-nominee themself, the district
 * akimat its additional candidate. Who files decides the route; the party or district is the account's own scope.
 */
export function FilingForm({ electionId }: { readonly electionId: string }) {
  const { t, label } = useWords();
  const { client, user } = useDesk();
  const { problem, sending, send } = useSubmission();
  const [iin, setIin] = useState('');
  const [fullName, setFullName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [citizen, setCitizen] = useState(true);
  const [terms, setTerms] = useState('0');
  const [education, setEducation] = useState<Education>('higher');
  const [documents, setDocuments] = useState<readonly DocumentKind[]>([]);
  const [isMember, setIsMember] = useState(true);
  const [decisionBody, setDecisionBody] = useState('');
  const [decisionDate, setDecisionDate] = useState('');
  const [number, setNumber] = useState('');
  if (user === null || user.role === 'commission') return null;
  const role = user.role;
  const submit = async (event: Event) => {
    event.preventDefault();
    const candidate = {
      iin,
      fullName,
      birthDate,
      citizen,
      consecutiveTermsInUnit: /^\d+$/.test(terms) ? Number(terms) : Number.NaN,
      education,
      documents: [...documents],
    };
    const body =
      role === 'party'
        ? {
            route: 'party' as const,
            candidate,
            party: {
              partyId: user.partyId ?? '',
              candidateIsMember: isMember,
              decisionBody,
              decisionDate,
              protocolNumber: number,
            },
          }
        : role === 'akimat'
          ? {
              route: 'akimat' as const,
              candidate,
              akimat: { district: user.district ?? '', proposalNumber: number, proposedOn: decisionDate },
            }
          : { route: 'self' as const, candidate };
    let caseId: string | null = null;
    const done = await send(async (key) => {
      const result = await client.POST('/elections/{electionId}/cases', {
        params: { path: { electionId }, header: { 'Idempotency-Key': key } },
        body,
      });
      caseId = result.data?.caseId ?? null;
      return result;
    });
    if (done && caseId !== null) location.hash = hrefOf({ page: 'case', electionId, caseId });
  };
  const field = textFieldsOf('filing', problem);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="filing-title">
      <h2 id="filing-title">{role === 'akimat' ? t('proposalTitle') : t('fileTitle')}</h2>
      {role === 'akimat' && <p class="hint">{t('proposalHint')}</p>}
      {problem && <ErrorSummary problem={problem} form="filing" />}
      <fieldset class="form-group">
        <legend>{t('candidateSection')}</legend>
        <IinField
          form="filing"
          name="candidate.iin"
          label={t('colIin')}
          value={iin}
          onInput={setIin}
          error={fieldMessage(problem, 'candidate.iin')}
        />
        {field({ name: 'candidate.fullName', label: t('colName'), value: fullName, onInput: setFullName })}
        {field({
          name: 'candidate.birthDate',
          label: t('birthDate'),
          type: 'date',
          value: birthDate,
          onInput: setBirthDate,
        })}
        <div class="form-group checkbox">
          <input
            type="checkbox"
            id={fieldId('filing', 'candidate.citizen')}
            checked={citizen}
            onChange={(event) => setCitizen(event.currentTarget.checked)}
          />
          <label for={fieldId('filing', 'candidate.citizen')}>{t('citizen')}</label>
        </div>
        {field({
          name: 'candidate.consecutiveTermsInUnit',
          label: t('consecutiveTerms'),
          inputMode: 'numeric',
          value: terms,
          onInput: setTerms,
        })}
        <SelectField
          form="filing"
          name="candidate.education"
          label={t('educationLabel')}
          value={education}
          options={(['secondary', 'technical-vocational', 'higher'] as const).map((level) => ({
            value: level,
            text: label('education', level),
          }))}
          onChange={(value) =>
            setEducation(
              value === 'secondary' ? 'secondary' : value === 'technical-vocational' ? value : 'higher',
            )
          }
        />
        <CheckboxGroup
          form="filing"
          name="candidate.documents"
          legend={t('documentsProvided')}
          options={documentKinds.map((kind) => ({ value: kind, text: label('documentKind', kind) }))}
          chosen={documents}
          onChange={setDocuments}
          error={fieldMessage(problem, 'candidate.documents')}
        />
      </fieldset>
      {role === 'party' && (
        <fieldset class="form-group">
          <legend>{t('partySection')}</legend>
          <div class="form-group checkbox">
            <input
              type="checkbox"
              id={fieldId('filing', 'party.candidateIsMember')}
              checked={isMember}
              onChange={(event) => setIsMember(event.currentTarget.checked)}
            />
            <label for={fieldId('filing', 'party.candidateIsMember')}>{t('candidateIsMember')}</label>
          </div>
          {field({
            name: 'party.decisionBody',
            label: t('decisionBody'),
            value: decisionBody,
            onInput: setDecisionBody,
          })}
          {field({
            name: 'party.decisionDate',
            label: t('decisionDate'),
            type: 'date',
            value: decisionDate,
            onInput: setDecisionDate,
          })}
          {field({
            name: 'party.protocolNumber',
            label: t('protocolNumber'),
            value: number,
            onInput: setNumber,
          })}
        </fieldset>
      )}
      {role === 'akimat' && (
        <fieldset class="form-group">
          <legend>{t('akimatSection')}</legend>
          {field({
            name: 'akimat.proposalNumber',
            label: t('proposalNumber'),
            value: number,
            onInput: setNumber,
          })}
          {field({
            name: 'akimat.proposedOn',
            label: t('proposedOn'),
            type: 'date',
            value: decisionDate,
            onInput: setDecisionDate,
          })}
        </fieldset>
      )}
      <SubmitButton sending={sending} />
    </form>
  );
}
