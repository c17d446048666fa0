import { useEffect } from 'preact/hooks';
import { useWords } from '../i18n/language.ts';

/**
 * The page's title in the browser's tab and history; on a new page, focus moves to its heading so that a
 * screen reader announces where the keyboard user now is (the desk changes pages without loading one).
 */
export function usePageTitle(title: string): void {
  const { t } = useWords();
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title, t]);
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading !== null && document.activeElement === document.body) heading.focus();
  }, []);
}
