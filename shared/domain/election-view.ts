import { type Election, electionRulesReport } from './election.ts';
import { timeZoneOf } from './election-rules.ts';
import { localizeNotice } from './error-catalogue.ts';
import { callingCheck } from './legal-clocks.ts';

/**
 * An election as everyone reads it, in one shape whether just called or read later: the unit, calendar, phase
 * and notices; each rule as a list entry with its value, source and basis; the calling check (CLE 113-1 p.2).
 * The wake-up's task token is the engine's own business: it resumes the calendar, it informs no one.
 */
export function electionView(election: Election) {
  const { rules: _resolved, configuredRules: _configured, wakeUp: _wakeUp, ...rest } = election;
  // Each notice also in words (kk/ru/en), its moments in the election's local time.
  const zone = timeZoneOf(election.rules);
  const notices = election.notices.map((notice) => ({ ...notice, message: localizeNotice(notice, zone) }));
  return { ...rest, notices, rules: electionRulesReport(election), callingCheck: callingCheck(election) };
}
