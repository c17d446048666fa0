import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  type CaseStatus,
  finalStatuses,
  initialStatus,
  isLive,
  nextStatus,
  overturnableStatuses,
  reinstatedStatuses,
  waitingStatuses,
} from '../../shared/domain/case-lifecycle.ts';
import { InvalidTransitionError } from '../../shared/domain/errors.ts';

function run(from: CaseStatus, events: CaseEvent[]): CaseStatus {
  return events.reduce(nextStatus, from);
}

const eventArb: fc.Arbitrary<CaseEvent> = fc.oneof(
  fc.constant({ type: 'PartyConfirmed' } as const),
  fc.constant({ type: 'PartyDeclined' } as const),
  fc.boolean().map((sufficient) => ({ type: 'SignaturesVerified', sufficient }) as const),
  fc.boolean().map((agreed) => ({ type: 'CommunityConsentRecorded', agreed }) as const),
  fc.constant({ type: 'EligibilityAssessed' } as const),
  fc
    .constantFrom('register', 'refuse')
    .map((decision) => ({ type: 'RegistrationDecided', decision }) as const),
  fc.constant({ type: 'Withdrawn' } as const),
  fc.constant({ type: 'NominationRevoked' } as const),
  fc.constant({ type: 'RegistrationCancelled' } as const),
  fc.constantFrom(...reinstatedStatuses).map((to) => ({ type: 'Reinstated', to }) as const),
  fc
    .constantFrom('party-confirmation', 'signatures', 'community-consent', 'registration-decision')
    .map((step) => ({ type: 'DeadlineReached', step }) as const),
);

describe('the case lifecycle', () => {
  it('takes a party nominee from confirmation to registration', () => {
    expect(
      run(initialStatus('party'), [
        { type: 'PartyConfirmed' },
        { type: 'EligibilityAssessed' },
        { type: 'RegistrationDecided', decision: 'register' },
      ]),
    ).toBe('Registered');
  });

  it('keeps a self-nominee waiting on a short count, and moves on once signatures suffice', () => {
    const start = initialStatus('self');
    expect(nextStatus(start, { type: 'SignaturesVerified', sufficient: false })).toBe('AwaitingSignatures');
    expect(nextStatus(start, { type: 'SignaturesVerified', sufficient: true })).toBe('CheckingEligibility');
    expect(nextStatus(start, { type: 'DeadlineReached', step: 'signatures' })).toBe('SignaturesInsufficient');
  });

  it('ends the akim’s candidate when the community meeting refuses', () => {
    expect(nextStatus(initialStatus('akimat'), { type: 'CommunityConsentRecorded', agreed: false })).toBe(
      'ConsentRefused',
    );
    expect(nextStatus(initialStatus('akimat'), { type: 'CommunityConsentRecorded', agreed: true })).toBe(
      'CheckingEligibility',
    );
  });

  it('lapses a party nomination the party never confirmed', () => {
    expect(
      nextStatus('AwaitingPartyConfirmation', { type: 'DeadlineReached', step: 'party-confirmation' }),
    ).toBe('Lapsed');
  });

  it('lapses every undecided case at registration close, and leaves decided ones alone', () => {
    for (const status of waitingStatuses) {
      expect(nextStatus(status, { type: 'DeadlineReached', step: 'registration-decision' })).toBe('Lapsed');
    }
    expect(() =>
      nextStatus('Registered', { type: 'DeadlineReached', step: 'registration-decision' }),
    ).toThrow(InvalidTransitionError);
  });

  it('lets a candidate withdraw at every waiting step and after registration', () => {
    for (const status of [...waitingStatuses, 'Registered'] as const) {
      expect(nextStatus(status, { type: 'Withdrawn' })).toBe('Withdrawn');
    }
  });

  it('refuses an event the status cannot take, naming both', () => {
    expect(() => nextStatus('AwaitingSignatures', { type: 'PartyConfirmed' })).toThrowError(
      expect.objectContaining({
        name: 'InvalidTransitionError',
        code: 'INVALID_TRANSITION',
        details: { status: 'AwaitingSignatures', event: 'PartyConfirmed' },
      }),
    );
  });

  it('never leaves a final status other than Registered, except by a reinstatement of a refusal or cancellation', () => {
    const ends = finalStatuses.filter((s) => s !== 'Registered');
    const overturnable: readonly string[] = overturnableStatuses;
    fc.assert(
      fc.property(fc.constantFrom(...ends), eventArb, (status, event) => {
        if (event.type === 'Reinstated' && overturnable.includes(status)) {
          expect(nextStatus(status, event)).toBe(event.to);
        } else {
          expect(() => nextStatus(status, event)).toThrow(InvalidTransitionError);
        }
      }),
    );
  });

  it('reinstates only a refused or cancelled case, to registered or back to the registration decision', () => {
    expect(nextStatus('Refused', { type: 'Reinstated', to: 'Registered' })).toBe('Registered');
    expect(
      nextStatus('RegistrationCancelled', { type: 'Reinstated', to: 'AwaitingRegistrationDecision' }),
    ).toBe('AwaitingRegistrationDecision');
    for (const status of ['Registered', 'Lapsed', 'Withdrawn', 'AwaitingRegistrationDecision'] as const) {
      expect(() => nextStatus(status, { type: 'Reinstated', to: 'Registered' })).toThrow(
        InvalidTransitionError,
      );
    }
  });

  it('cancels only a registration', () => {
    expect(nextStatus('Registered', { type: 'RegistrationCancelled' })).toBe('RegistrationCancelled');
    for (const status of [...waitingStatuses, 'Refused'] as const) {
      expect(() => nextStatus(status, { type: 'RegistrationCancelled' })).toThrow(InvalidTransitionError);
    }
  });

  it('counts as live exactly the waiting and registered cases', () => {
    fc.assert(
      fc.property(fc.constantFrom(...waitingStatuses, ...finalStatuses), (status) => {
        expect(isLive(status)).toBe(
          status === 'Registered' || (waitingStatuses as readonly string[]).includes(status),
        );
      }),
    );
  });

  it('only ever reaches known statuses, whatever the events', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('party', 'self', 'akimat' as const),
        fc.array(eventArb, { maxLength: 12 }),
        (route, events) => {
          let status = initialStatus(route);
          for (const event of events) {
            try {
              status = nextStatus(status, event);
            } catch (error) {
              expect(error).toBeInstanceOf(InvalidTransitionError);
            }
          }
          expect([...waitingStatuses, ...finalStatuses]).toContain(status);
        },
      ),
    );
  });
});
