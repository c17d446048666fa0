import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  type CaseStatus,
  finalStatuses,
  initialStatus,
  isLive,
  nextStatus,
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

  it('never leaves a final status other than Registered', () => {
    const ends = finalStatuses.filter((s) => s !== 'Registered');
    fc.assert(
      fc.property(fc.constantFrom(...ends), eventArb, (status, event) => {
        expect(() => nextStatus(status, event)).toThrow(InvalidTransitionError);
      }),
    );
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
