import { useState } from 'preact/hooks';
import { outcome } from '../api/problem.ts';
import { Loaded } from '../components/loaded.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { useOutcome } from '../lib/use-outcome.ts';
import { hrefOf } from '../routes.ts';

/**
 * The signed-in user's inbox: the notices of their district's elections and their cases (a confirmation pending,
 * signatures short, a deadline near, a decision), newest first, the unread ones marked; read up to now at a click.
 */
export function NoticesPage() {
  const { t, language } = useWords();
  const { client, user } = useDesk();
  const [marked, setMarked] = useState(0);
  const district = user?.district;
  const [inbox, reload] = useOutcome(
    () =>
      outcome(
        client.GET('/notices', { params: { query: district === undefined ? {} : { district } } }),
        t('networkError'),
      ),
    [language, marked, district],
  );
  usePageTitle(t('noticesTitle'));
  // The newest notice's instant, and the notices of that instant shown: one that comes later at the same instant
  // (a clock standing still) stays unread.
  const markRead = async (notices: readonly { readonly id: string; readonly at: string }[]) => {
    const upTo = notices[0]?.at;
    if (upTo === undefined) return;
    const seen = notices.filter((notice) => notice.at === upTo).map((notice) => notice.id);
    await outcome(client.POST('/notices/read', { body: { upTo, seen } }), t('networkError'));
    setMarked((n) => n + 1);
    reload();
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('noticesTitle')}</h1>
      <Loaded outcome={inbox}>
        {(data) => (
          <>
            <p>{t('unreadCount', { count: data.unread })}</p>
            {data.notices.length > 0 && data.unread > 0 && (
              <p>
                <button type="button" class="secondary-button" onClick={() => markRead(data.notices)}>
                  {t('markRead')}
                </button>
              </p>
            )}
            <ul class="notices">
              {data.notices.map((notice) => (
                <li key={notice.id} class={notice.unread ? 'notice-unread' : undefined}>
                  {notice.unread && <span class="tag">{t('unread')}</span>}{' '}
                  {notice.message?.[language] ?? notice.code}
                  {notice.caseId !== null && (
                    <>
                      {' '}
                      <a
                        href={hrefOf({ page: 'case', electionId: notice.electionId, caseId: notice.caseId })}
                      >
                        {t('openCase')}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
    </>
  );
}
