import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { NominationCase } from './nomination-case.ts';

/**
 * What of a case changes only with a trail entry: the filing, status, checks, decisions, findings and counts.
 * Left out is what the engine keeps for its own running (which execution, its wait, the last signal sent, the
 * day's submissions taken, the version), which changes without one.
 */
export function caseSubstance(nominationCase: NominationCase): Record<string, unknown> {
  const {
    version: _version,
    waitingFor: _waitingFor,
    sentSignal: _sentSignal,
    executionAttempt: _executionAttempt,
    submissionsOfDay: _submissionsOfDay,
    lastEntry: _lastEntry,
    ...substance
  } = nominationCase;
  return substance;
}

/**
 * SHA-256 of the case's substance in canonical JSON (RFC 8785). Each trail event carries the digest of the case
 * as its change left it, so a case record changed in storage no longer matches the head of its trail.
 */
export function recordDigest(nominationCase: NominationCase): string {
  const text = canonicalize(caseSubstance(nominationCase));
  if (text === undefined) throw new Error('A case always has a canonical form');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
