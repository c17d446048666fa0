import { type Election, electionRulesReport } from './election.ts';
import { timeZoneOf } from './election-rules.ts';
import { localizeNotice } from './error-catalogue.ts';
import { callingCheck, callingChecks } from './legal-clocks.ts';
import { samplingKeyCommitment } from './signature-sampling.ts';

/**
 * An election as everyone reads it, in one shape whether just called or read later: the unit, calendar, phase
 * and notices; each rule as a list entry with its value, source and basis; the calling checks (CLE 113-1).
 * The wake-up's task token is the engine's own business: it resumes the calendar, it informs no one.
 */
export function electionView(election: Election) {
  // The sampling key is the commission's secret: shown only as its commitment (`samplingKeyCommitment`).
  const { rules: _resolved, configuredRules: _configured, wakeUp: _wakeUp, samplingKey, ...rest } = election;
  // Each notice also in words (kk/ru/en), its moments in the election's local time.
  const zone = timeZoneOf(election.rules);
  const notices = election.notices.map((notice) => ({ ...notice, message: localizeNotice(notice, zone) }));
  return {
    ...rest,
    notices,
    rules: electionRulesReport(election),
    // The 40-day check as it was first shown, and every check of CLE 113-1 (p.2 and p.3) in one list.
    callingCheck: callingCheck(election),
    callingChecks: callingChecks(election),
    // The SHA-256 of the key every signature sample is drawn with, fixed before any sheet is handed in: a court
    // given the key checks it is the one committed to (null until an election called before keys needs one).
    samplingKeyCommitment: samplingKey === null ? null : samplingKeyCommitment(samplingKey),
  };
}
