import { describe, expect, it } from 'vitest';
import { calendarRegimes } from '../../shared/domain/calendar-regimes.ts';
import { phaseAtExtendedClose, phaseAtNominationClose } from '../../shared/domain/election-phases.ts';
import { ElectionRulesSchema } from '../../shared/domain/election-rules.ts';

const regime = calendarRegimes['kz-2023'];
const rules = ElectionRulesSchema.parse({});

describe('election phases at the nomination deadlines', () => {
  it('extends nomination when fewer than two are nominated', () => {
    expect(phaseAtNominationClose(0, regime, rules)).toBe('NominationExtended');
    expect(phaseAtNominationClose(1, regime, rules)).toBe('NominationExtended');
    expect(phaseAtNominationClose(2, regime, rules)).toBe('AwaitingRegistrationClose');
  });

  it('opens the district akim’s window when 0 or 1 remain after the extension (CLE 113-3 p.6)', () => {
    expect(phaseAtExtendedClose(0)).toBe('AdditionalCandidateWindow');
    expect(phaseAtExtendedClose(1)).toBe('AdditionalCandidateWindow');
    expect(phaseAtExtendedClose(2)).toBe('AwaitingRegistrationClose');
  });

  it('opens the window at once when the election allows no extension', () => {
    expect(phaseAtNominationClose(1, regime, ElectionRulesSchema.parse({ extensionDays: 0 }))).toBe(
      'AdditionalCandidateWindow',
    );
  });
});
