import { useState } from 'preact/hooks';
import { ErrorSummary, fieldMessage } from '../components/error-summary.tsx';
import { SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { hrefOf } from '../routes.ts';
import { SubmitButton, useSubmission } from './decision-forms.tsx';

type UnitKind = 'village' | 'settlement' | 'rural-district' | 'city-of-district-significance';
const unitKinds: readonly UnitKind[] = [
  'village',
  'settlement',
  'rural-district',
  'city-of-district-significance',
];

/** The district commission calls an election (CLE 113-1): the unit, the day, the calendar regime. */
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
  const submit = async (event: Event) => {
    event.preventDefault();
    let electionId: string | null = null;
    const done = await send(async (key) => {
      const result = await client.POST('/elections', {
        params: { header: { 'Idempotency-Key': key } },
        body: { unit: { kato: kato.trim(), kind, nameKk, nameRu }, electionDay, calledOn, regime },
      });
      electionId = result.data?.electionId ?? null;
      return result;
    });
    if (done && electionId !== null) location.hash = hrefOf({ page: 'election', electionId });
  };
  const field = (name: string, text: string, value: string, set: (value: string) => void, date = false) => (
    <TextField
      form="call"
      name={name}
      label={text}
      type={date ? 'date' : 'text'}
      value={value}
      onInput={set}
      error={fieldMessage(problem, name)}
    />
  );
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
      <SubmitButton sending={sending} />
    </form>
  );
}
