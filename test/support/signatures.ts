import type { SignatureCheckContext } from '../../shared/domain/signatures.ts';

/** A signature check in the fixture election's window: every signer registered, nothing counted before. */
export function signatureContext(overrides: Partial<SignatureCheckContext> = {}): SignatureCheckContext {
  return {
    voters: 800,
    window: { from: '2026-02-05', to: '2026-02-17' },
    isOnRegister: () => true,
    alreadySubmitted: new Set(),
    alreadyCounted: new Map(),
    countedBefore: 0,
    supportsAnotherCandidate: () => false,
    multipleSupportAllowed: true,
    ...overrides,
  };
}
