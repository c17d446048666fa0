import { useState } from 'preact/hooks';
import { outcome } from '../api/problem.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { textFieldsOf } from '../components/form-text-fields.tsx';
import { Loaded } from '../components/loaded.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { SelectField } from '../components/select-field.tsx';
import { StackedTable } from '../components/stacked-table.tsx';
import { SubmitButton, useSubmission } from '../components/submission.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { useOutcome } from '../lib/use-outcome.ts';

type Role = 'akimat' | 'party' | 'candidate';

/**
 * A commission administrator's accounts: the district's akimat, the parties' secretaries and the candidates, each
 * created here with its scope (the only place scope is set) and disabled here. The first password is shown once,
 * unless the directory mailed it to the account's address (Cognito does, to a login name that is one).
 */
export function AccountsPage() {
  const { t } = useWords();
  const { client } = useDesk();
  const [accounts, reload] = useOutcome(() => outcome(client.GET('/accounts'), t('networkError')), []);
  usePageTitle(t('accountsTitle'));
  const roleName = (role: string) =>
    ({
      commission: t('roleCommission'),
      akimat: t('roleAkimat'),
      party: t('roleParty'),
      candidate: t('roleCandidate'),
    })[role] ?? role;
  const disable = async (accountId: string) => {
    await outcome(
      client.POST('/accounts/{accountId}/disablement', { params: { path: { accountId } }, body: {} }),
      t('networkError'),
    );
    reload();
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('accountsTitle')}</h1>
      <p>{t('accountsIntro')}</p>
      <CreateAccountForm onDone={reload} />
      <Loaded outcome={accounts}>
        {({ accounts: list }) =>
          list.length === 0 ? (
            <p>{t('noAccounts')}</p>
          ) : (
            <StackedTable headers={[t('accountName'), t('colUsername'), t('colRole'), t('colState')]}>
              {list.map((account) => (
                <tr key={account.accountId}>
                  <td>{account.name}</td>
                  <td data-label={t('colUsername')}>{account.username}</td>
                  <td data-label={t('colRole')}>{roleName(account.role)}</td>
                  <td data-label={t('colState')}>
                    {account.disabled ? (
                      t('accountDisabled')
                    ) : (
                      <>
                        {t('accountActive')}{' '}
                        <button
                          type="button"
                          class="secondary-button"
                          onClick={() => disable(account.accountId)}
                        >
                          {t('disableAccount')}
                          <span class="visually-hidden">: {account.username}</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </StackedTable>
          )
        }
      </Loaded>
    </>
  );
}

function CreateAccountForm({ onDone }: { readonly onDone: () => void }) {
  const { t } = useWords();
  const { client } = useDesk();
  const { problem, sending, send } = useSubmission();
  const [role, setRole] = useState<Role>('akimat');
  const [scope, setScope] = useState('');
  const [name, setName] = useState('');
  // The first password, or null where the directory mailed it (Cognito, to a login name that is an address).
  const [created, setCreated] = useState<{ username: string; password: string | null } | null>(null);
  const field = textFieldsOf('account', problem);
  const submit = async (event: Event) => {
    event.preventDefault();
    setCreated(null);
    const done = await send(async (key) => {
      const result = await client.POST('/accounts', {
        params: { header: { 'Idempotency-Key': key } },
        body: { role, scope: scope.trim(), name },
      });
      if (result.data !== undefined) {
        const { account, initialPassword, passwordMailed } = result.data;
        setCreated({ username: account.username, password: passwordMailed ? null : (initialPassword ?? '') });
      }
      return result;
    });
    if (done) {
      setScope('');
      setName('');
      onDone();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="account-title">
      <h2 id="account-title">{t('createAccountTitle')}</h2>
      {problem && <ErrorSummary problem={problem} form="account" />}
      {created && (
        <p class="ok" role="status">
          {created.password === null
            ? t('accountCreatedPasswordMailed', { username: created.username })
            : t('accountCreated', { username: created.username, password: created.password })}
        </p>
      )}
      <SelectField
        form="account"
        name="role"
        label={t('accountRole')}
        value={role}
        options={[
          { value: 'akimat', text: t('roleAkimat') },
          { value: 'party', text: t('roleParty') },
          { value: 'candidate', text: t('roleCandidate') },
        ]}
        onChange={(value) =>
          setRole(value === 'party' ? 'party' : value === 'candidate' ? 'candidate' : 'akimat')
        }
      />
      {field({ name: 'scope', label: t('accountScope'), value: scope, onInput: setScope })}
      {field({ name: 'name', label: t('accountName'), value: name, onInput: setName })}
      <SubmitButton sending={sending} />
    </form>
  );
}
