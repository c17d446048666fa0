import { callElection, type Election, type NewElection } from '../../shared/domain/election.ts';
import type { ElectionRulesInput } from '../../shared/domain/election-rules.ts';

/** A valid call of an election in the 2023+ regime: D = 2026-03-15, called 39 days before. */
export function newElectionInput(
  overrides: Partial<NewElection> = {},
  rules?: ElectionRulesInput,
): NewElection {
  return {
    unit: {
      kato: '195230100',
      kind: 'rural-district',
      nameKk: 'Ақтоғай ауылдық округі',
      nameRu: 'Актогайский сельский округ',
    },
    electionDay: '2026-03-15',
    calledOn: '2026-02-04',
    regime: 'kz-2023',
    ...(rules === undefined ? {} : { rules }),
    ...overrides,
  };
}

export function anElection(overrides: Partial<NewElection> = {}, rules?: ElectionRulesInput): Election {
  return callElection(newElectionInput(overrides, rules), '2026-02-04T06:00:00.000Z');
}
