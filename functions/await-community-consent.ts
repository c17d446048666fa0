import { awaitStep } from './support/await-step.ts';

/** AwaitCommunityConsent: waits for the local community meeting's decision on the akim's candidate. */
export const createHandler = awaitStep('community-consent');
