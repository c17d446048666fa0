import type { ErrorCode } from './error-catalogue.ts';
import type { Instant, TimeZone } from './local-date.ts';

/**
 * What kind of failure this is, so that each edge (HTTP status, ASL Catch) can react
 * without knowing every class: a refused request, a lost race, a missing thing, a rule of the law.
 */
export type ErrorKind = 'validation' | 'conflict' | 'not-found' | 'forbidden' | 'unauthorized' | 'rule';

/**
 * One problem with one field of a request: its code and the facts its message quotes. The words are the edge's
 * to render (`issueMessage`), so that code which only raises issues does not carry every message.
 */
export interface FieldIssue {
  readonly field: string;
  readonly code: ErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;
  /** Where the row at fault stands in the uploaded file (CSV or JSON lines: its line; XLSX: its sheet row). */
  readonly line?: number;
}

/**
 * Base of every error the domain raises. `name` is the contract with the ASL (Retry/Catch match
 * `error.name`), `code` the contract with API clients; both stay stable across releases.
 * `details` hold facts about the request or case, never personal data. The error carries no words: the edge
 * that answers a person renders them from code and details (`localize`), so a function that only raises errors
 * does not bundle the messages of every code in three languages; `message` is the code, for logs.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  protected constructor(code: ErrorCode, details: Readonly<Record<string, unknown>> = {}) {
    super(code);
    this.code = code;
    this.details = details;
  }
}

export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  readonly kind = 'validation';
  readonly issues: readonly FieldIssue[];
  constructor(issues: readonly FieldIssue[]) {
    super('VALIDATION_FAILED', { fields: issues.map((issue) => issue.field) });
    this.issues = issues;
  }
}

export class NominationNotOpenError extends DomainError {
  override readonly name = 'NominationNotOpenError';
  readonly kind = 'rule';
  constructor(opensAt: Instant, timeZone: TimeZone) {
    super('NOMINATION_NOT_OPEN', { opensAt, timeZone });
  }
}

export class NominationClosedError extends DomainError {
  override readonly name = 'NominationClosedError';
  readonly kind = 'rule';
  constructor(closedAt: Instant, timeZone: TimeZone) {
    super('NOMINATION_CLOSED', { closedAt, timeZone });
  }
}

export class AdditionalCandidateNotAllowedError extends DomainError {
  override readonly name = 'AdditionalCandidateNotAllowedError';
  readonly kind = 'rule';
  constructor(liveNominations: number | 'unknown') {
    super('ADDITIONAL_CANDIDATE_NOT_ALLOWED', { liveNominations });
  }
}

export class AdditionalCandidateWindowClosedError extends DomainError {
  override readonly name = 'AdditionalCandidateWindowClosedError';
  readonly kind = 'rule';
  constructor(closedAt: Instant, timeZone: TimeZone) {
    super('ADDITIONAL_CANDIDATE_WINDOW_CLOSED', { closedAt, timeZone });
  }
}

export class AdditionalCandidateLimitReachedError extends DomainError {
  override readonly name = 'AdditionalCandidateLimitReachedError';
  readonly kind = 'rule';
  constructor(limit: number) {
    super('ADDITIONAL_CANDIDATE_LIMIT_REACHED', { limit });
  }
}

export class SubmissionLimitReachedError extends DomainError {
  override readonly name = 'SubmissionLimitReachedError';
  readonly kind = 'rule';
  constructor(limit: number, on: string) {
    super('SUBMISSION_LIMIT_REACHED', { limit, on });
  }
}

export class NotAPartyMemberError extends DomainError {
  override readonly name = 'NotAPartyMemberError';
  readonly kind = 'rule';
  constructor() {
    super('NOT_A_PARTY_MEMBER');
  }
}

export class PartyNomineeExistsError extends DomainError {
  override readonly name = 'PartyNomineeExistsError';
  readonly kind = 'conflict';
  constructor(caseId: string) {
    super('PARTY_NOMINEE_EXISTS', { caseId });
  }
}

export class AdditionalCandidatePendingError extends DomainError {
  override readonly name = 'AdditionalCandidatePendingError';
  readonly kind = 'conflict';
  constructor(caseId: string) {
    super('ADDITIONAL_CANDIDATE_PENDING', { caseId });
  }
}

export class CandidateAlreadyNominatedError extends DomainError {
  override readonly name = 'CandidateAlreadyNominatedError';
  readonly kind = 'conflict';
  constructor(caseId: string) {
    super('CANDIDATE_ALREADY_NOMINATED', { caseId });
  }
}

export class InvalidTransitionError extends DomainError {
  override readonly name = 'InvalidTransitionError';
  readonly kind = 'conflict';
  constructor(status: string, event: string) {
    super('INVALID_TRANSITION', { status, event });
  }
}

export class StepAlreadyDecidedError extends DomainError {
  override readonly name = 'StepAlreadyDecidedError';
  readonly kind = 'conflict';
  constructor(step: string, status: string) {
    super('STEP_ALREADY_DECIDED', { step, status });
  }
}

export class ConcurrentUpdateError extends DomainError {
  override readonly name = 'ConcurrentUpdateError';
  readonly kind = 'conflict';
  constructor(version: number) {
    super('CONCURRENT_UPDATE', { version });
  }
}

/** A close of nomination waits for the election's bulk jobs still at work: the ASL retries it until they end. */
export class JobsRunningError extends DomainError {
  override readonly name = 'JobsRunningError';
  readonly kind = 'conflict';
  constructor(jobs: number) {
    super('JOBS_RUNNING', { jobs });
  }
}

/**
 * A stored record that no longer reads (written by an older version, or damaged): named, so that it can be
 * mended, instead of failing as an unknown fault. Field names only, never values.
 */
export class RecordUnreadableError extends DomainError {
  override readonly name = 'RecordUnreadableError';
  readonly kind = 'conflict';
  constructor(record: 'case' | 'election' | 'voter-register', id: string, fields: readonly string[]) {
    super('RECORD_UNREADABLE', { record, id, fields });
  }
}

/**
 * An action after its step's deadline: `step` names the step (a waiting step of the case, or `withdrawal`),
 * `deadline` the instant it closed and `timeZone` the election's, so the message shows the local time.
 */
export class DeadlinePassedError extends DomainError {
  override readonly name = 'DeadlinePassedError';
  readonly kind = 'conflict';
  constructor(step: string, deadline: Instant, timeZone: TimeZone) {
    super('DEADLINE_PASSED', { step, deadline, timeZone });
  }
}

/** A finding that stands in the way of registration, as the eligibility check gives it. */
export interface BlockingFinding {
  readonly code: ErrorCode;
  /** The article it rests on, in its short form ("CLE 113-2"). */
  readonly ground: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * Registration refused by the rules: each finding keeps its code and ground for programs, and the message gives
 * its text and ground in words (CLE 113-5: the commission registers only a candidate who meets the requirements).
 */
export class RegistrationBlockedError extends DomainError {
  override readonly name = 'RegistrationBlockedError';
  readonly kind = 'rule';
  constructor(findings: readonly BlockingFinding[]) {
    super('REGISTRATION_BLOCKED', {
      findings: findings.map(({ code, ground, details }) => ({ code, ground, details })),
    });
  }
}

export class ElectionAlreadyCalledError extends DomainError {
  override readonly name = 'ElectionAlreadyCalledError';
  readonly kind = 'conflict';
  constructor(electionId: string) {
    super('ELECTION_ALREADY_CALLED', { electionId });
  }
}

/** No valid token: the caller is not who they claim to be. */
export class UnauthorizedError extends DomainError {
  override readonly name = 'UnauthorizedError';
  readonly kind = 'unauthorized';
  constructor() {
    super('UNAUTHORIZED');
  }
}

/** The caller's role or scope does not cover the resource; nothing about it is disclosed. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  readonly kind = 'forbidden';
  constructor() {
    super('FORBIDDEN');
  }
}

export class RegisterAfterCloseError extends DomainError {
  override readonly name = 'RegisterAfterCloseError';
  readonly kind = 'rule';
  constructor(closedAt: Instant, timeZone: TimeZone) {
    super('REGISTER_AFTER_CLOSE', { closedAt, timeZone });
  }
}

export class VoterRegisterMissingError extends DomainError {
  override readonly name = 'VoterRegisterMissingError';
  readonly kind = 'rule';
  constructor() {
    super('VOTER_REGISTER_MISSING');
  }
}

export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  readonly kind = 'not-found';
  constructor(entity: string) {
    super('NOT_FOUND', { entity });
  }
}
