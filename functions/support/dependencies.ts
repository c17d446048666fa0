import type { Logger } from '@aws-lambda-powertools/logger';
import type { AccountDirectory } from '../../shared/ports/account-directory.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { ObjectStore } from '../../shared/ports/objects.ts';
import type { WakeUps } from '../../shared/ports/wake-ups.ts';
import type { Workflows } from '../../shared/ports/workflows.ts';
import type { CaseRepository } from '../../shared/storage/case-repository.ts';
import type { ElectionRepository } from '../../shared/storage/election-repository.ts';
import type { InboxStore } from '../../shared/storage/inbox-store.ts';
import type { JobRepository } from '../../shared/storage/job-repository.ts';
import type { PublishedList } from '../../shared/storage/published-list.ts';
import type { SignatureRepository } from '../../shared/storage/signature-repository.ts';
import type { VoterRegisterRepository } from '../../shared/storage/voter-register-repository.ts';

/** Everything a handler may use; each infrastructure builds it once per process and hands it in. */
export interface Dependencies {
  readonly elections: ElectionRepository;
  readonly cases: CaseRepository;
  /** The registered list as the public reads it: the only storage a public read of candidates reaches. */
  readonly published: PublishedList;
  readonly signatures: SignatureRepository;
  readonly voters: VoterRegisterRepository;
  /** Bulk jobs: their checkpoints and progress. */
  readonly jobs: JobRepository;
  /** How far each account has read its inbox. */
  readonly inbox: InboxStore;
  /** Files waiting for their job (uploads, bodies too large to work through in a request, the job's chunks). */
  readonly objects: ObjectStore;
  readonly workflows: Workflows;
  /** The accounts that sign in to the desk: the engine's own locally, the Cognito user pool on AWS. */
  readonly accounts: AccountDirectory;
  readonly wakeUps: WakeUps;
  readonly clock: Clock;
  /** New ids (cases, register snapshots); passed in so that tests may fix them. */
  readonly newId: () => string;
  readonly logger: Logger;
}

/** The actor of everything the engine does by itself. */
export const engineActor = { role: 'engine', id: 'election-calendar' } as const;
