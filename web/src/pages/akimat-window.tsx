import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import type { ElectionView } from '../lib/election-facts.ts';
import { FilingForm } from './filing-form.tsx';

/**
 * The district akim's window for an additional candidate (CLE 113-3 p.6) as the engine judges it: open or not,
 * and why in the engine's own words. The district's akimat is offered the proposal only while it is open; the
 * commission reads the same.
 */
export function AkimatWindow({ election }: { readonly election: ElectionView }) {
  const { t, label, language } = useWords();
  const { user } = useDesk();
  // Another district's officers are refused the election's cases by the API; they are shown nothing here either.
  if (user === null || (user.role !== 'akimat' && user.role !== 'commission')) return null;
  if (user.district !== election.district) return null;
  const standing = election.additionalCandidateWindow;
  return (
    <>
      <section aria-labelledby="akimat-window-title">
        <h2 id="akimat-window-title">{t('windowTitle')}</h2>
        <p>
          <span class="tag">{label('windowState', standing.state)}</span>
        </p>
        <p>{standing.explanation[language]}</p>
      </section>
      {user.role === 'akimat' && standing.state === 'open' && <FilingForm electionId={election.electionId} />}
    </>
  );
}
