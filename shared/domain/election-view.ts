import {
  type AdditionalCandidateWindowState,
  additionalCandidateWindow,
} from './additional-candidate-window.ts';
import { type Election, electionRulesReport } from './election.ts';
import { timeZoneOf } from './election-rules.ts';
import { type ErrorCode, localize, localizeNotice } from './error-catalogue.ts';
import { callingCheck, callingChecks } from './legal-clocks.ts';
import type { Instant } from './local-date.ts';
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

const windowMessages: Readonly<Record<AdditionalCandidateWindowState, ErrorCode>> = {
  'not-yet-open': 'ADDITIONAL_CANDIDATE_WINDOW_NOT_YET_OPEN',
  open: 'ADDITIONAL_CANDIDATE_WINDOW_OPEN_UNTIL',
  closed: 'ADDITIONAL_CANDIDATE_WINDOW_ENDED',
  'not-applicable': 'ADDITIONAL_CANDIDATE_WINDOW_NOT_APPLICABLE',
  'limit-reached': 'ADDITIONAL_CANDIDATE_WINDOW_USED_UP',
};

/**
 * An election as getElection and createElection answer at the engine's `now`: its view, and where the district
 * akim's window for an additional candidate stands, with why in words (the judgement a proposal meets).
 */
export function electionViewAt(election: Election, now: Instant) {
  const window = additionalCandidateWindow(election, now);
  const explanation = localize(windowMessages[window.state], {
    opensAt: window.opensAt,
    closedAt: window.closesAt,
    liveNominations: window.nominationsAtClose,
    limit: window.proposalLimit,
    timeZone: timeZoneOf(election.rules),
  });
  return { ...electionView(election), additionalCandidateWindow: { ...window, explanation } };
}
