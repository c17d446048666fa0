import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorSummary } from '../components/error-summary.tsx';
import { textFieldsOf } from '../components/form-text-fields.tsx';
import { SelectField } from '../components/select-field.tsx';
import { SubmitButton, useSubmission } from '../components/submission.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { hrefOf } from '../routes.ts';

type UnitKind = 'village' | 'settlement' | 'rural-district' | 'city-of-district-significance';
const unitKinds: readonly UnitKind[] = [
  'village',
  'settlement',
  'rural-district',
  'city-of-district-significance',
];

const commissionFields = ['nameKk', 'nameRu', 'chair', 'secretary'] as const;
type CommissionField = (typeof commissionFields)[number];
const noCommission: Readonly<Record<CommissionField, string>> = {
  nameKk: '',
  nameRu: '',
  chair: '',
  secretary: '',
};
const commissionLabels = {
  nameKk: 'commissionNameKk',
  nameRu: 'commissionNameRu',
  chair: 'commissionChair',
  secretary: 'commissionSecretary',
} as const;

/**
 * The commission that signs the election's documents, sent when any of it is typed: the API takes all four or
 * none, and says which one is missing.
 */
function commissionOf(typed: Readonly<Record<CommissionField, string>>) {
  return commissionFields.every((name) => typed[name].trim() === '') ? {} : { commission: { ...typed } };
}

/**
 * The district commission calls an election (CLE 113-1): the unit, the day, the calendar regime, and the
 * commission whose chair and secretary sign its decisions.
 */
export function CallElectionForm() {
  const { t, label } = useWords();
  const { client } = useDesk();
  const { problem, sending, send } = useSubmission();
  const [kato, setKato] = useState('');
  const [kind, setKind] = useState<UnitKind>('rural-district');
  const [nameKk, setNameKk] = useState('');
  const [nameRu, setNameRu] = useState('');
  const [electionDay, setElectionDay] = useState('');
  const [calledOn, setCalledOn] = useState('');
  const [regime, setRegime] = useState<'kz-2021' | 'kz-2023'>('kz-2023');
  const [commission, setCommission] = useState(noCommission);
  const submit = async (event: Event) => {
    event.preventDefault();
    let electionId: string | null = null;
    const done = await send(async (key) => {
      const result = await client.POST('/elections', {
        params: { header: { 'Idempotency-Key': key } },
        body: {
          unit: { kato: kato.trim(), kind, nameKk, nameRu },
          electionDay,
          calledOn,
          regime,
          ...commissionOf(commission),
        },
      });
      electionId = result.data?.electionId ?? null;
      return result;
    });
    if (done && electionId !== null) location.hash = hrefOf({ page: 'election', electionId });
  };
  const text = textFieldsOf('call', problem);
  const field = (
    name: string,
    label: string,
    value: string,
    onInput: (value: string) => void,
    date = false,
  ) => text({ name, label, value, onInput, type: date ? 'date' : 'text' });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="call-title">
      <h2 id="call-title">{t('callTitle')}</h2>
      {problem && <ErrorSummary problem={problem} form="call" />}
      {field('unit.kato', t('unitKato'), kato, setKato)}
      <SelectField
        form="call"
        name="unit.kind"
        label={t('unitKindLabel')}
        value={kind}
        options={unitKinds.map((value) => ({ value, text: label('unitKind', value) }))}
        onChange={(value) => setKind(unitKinds.find((known) => known === value) ?? 'rural-district')}
      />
      {field('unit.nameKk', t('unitNameKk'), nameKk, setNameKk)}
      {field('unit.nameRu', t('unitNameRu'), nameRu, setNameRu)}
      {field('electionDay', t('electionDayLabel'), electionDay, setElectionDay, true)}
      {field('calledOn', t('calledOn'), calledOn, setCalledOn, true)}
      <SelectField
        form="call"
        name="regime"
        label={t('regime')}
        value={regime}
        options={[
          { value: 'kz-2023', text: t('regime2023') },
          { value: 'kz-2021', text: t('regime2021') },
        ]}
        onChange={(value) => setRegime(value === 'kz-2021' ? 'kz-2021' : 'kz-2023')}
      />
      <fieldset class="form-group">
        <legend>{t('commissionSection')}</legend>
        <p class="hint">{t('commissionHint')}</p>
        {commissionFields.map((name) => (
          <Fragment key={name}>
            {field(`commission.${name}`, t(commissionLabels[name]), commission[name], (value) =>
              setCommission({ ...commission, [name]: value }),
            )}
          </Fragment>
        ))}
      </fieldset>
      <SubmitButton sending={sending} />
    </form>
  );
}
