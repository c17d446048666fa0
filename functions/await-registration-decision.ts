import { awaitStep } from './support/await-step.ts';

/** AwaitRegistrationDecision: waits for the commission to register or refuse, until registration closes. */
export const createHandler = awaitStep('registration-decision');
