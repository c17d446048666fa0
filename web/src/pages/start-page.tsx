import { ElectionNumberForm } from '../components/election-number-form.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useWords } from '../i18n/language.ts';
import { hrefOf } from '../routes.ts';

/** The way in for anyone: type an election's number, see its public list. */
export function StartPage() {
  const { t } = useWords();
  usePageTitle(t('startTitle'));
  return (
    <>
      <h1 tabIndex={-1}>{t('startTitle')}</h1>
      <p>{t('startIntro')}</p>
      <ElectionNumberForm
        form="find"
        open={(electionId) => {
          location.hash = hrefOf({ page: 'public', electionId });
        }}
      />
    </>
  );
}
