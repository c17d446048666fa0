import { awaitStep } from './support/await-step.ts';

/** AwaitPartyConfirmation: waits for the party to confirm or decline its nominee, until the deadline. */
export const createHandler = awaitStep('party-confirmation');
