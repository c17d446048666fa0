import { usePageTitle } from '../components/page-title.ts';
import { useWords } from '../i18n/language.ts';

export function NotFoundPage() {
  const { t } = useWords();
  usePageTitle(t('notFoundTitle'));
  return (
    <>
      <h1 tabIndex={-1}>{t('notFoundTitle')}</h1>
      <p>
        <a href="#/">{t('notFoundText')}</a>
      </p>
    </>
  );
}
