import { randomUUID } from 'node:crypto';

type Waiter = { resolve: (output: unknown) => void };

/**
 * Task tokens for the local engine, which aws-local-stepfunctions lacks: minted when a state reads
 * `$$.Task.Token`, parked on by the waiting task, ended by sendTaskSuccess. A signal may arrive before the
 * task parks (its own handler may find the decision already recorded): it is kept until the task parks.
 */
export class TaskTokens {
  readonly #minted = new Set<string>();
  readonly #waiting = new Map<string, Waiter>();
  readonly #early = new Map<string, unknown>();

  mint(): string {
    const token = randomUUID();
    this.#minted.add(token);
    return token;
  }

  /** Waits until `token` is signalled. */
  park(token: string): Promise<unknown> {
    if (this.#early.has(token)) {
      const output = this.#early.get(token);
      this.#consume(token);
      return Promise.resolve(output);
    }
    return new Promise((resolve) => this.#waiting.set(token, { resolve }));
  }

  /** Ends the wait on `token`; false for a token nobody waits on (already used, or from before a restart). */
  succeed(token: string, output: unknown): boolean {
    const waiter = this.#waiting.get(token);
    if (waiter !== undefined) {
      this.#consume(token);
      waiter.resolve(output);
      return true;
    }
    if (!this.#minted.has(token) || this.#early.has(token)) return false;
    this.#early.set(token, output);
    return true;
  }

  /** Drops a token whose task failed before anyone could signal it. */
  forget(token: string): void {
    this.#consume(token);
  }

  /** Forgets every token: the executions waiting on them were stopped. */
  dropAll(): void {
    this.#minted.clear();
    this.#waiting.clear();
    this.#early.clear();
  }

  get waitingCount(): number {
    return this.#waiting.size;
  }

  #consume(token: string): void {
    this.#minted.delete(token);
    this.#waiting.delete(token);
    this.#early.delete(token);
  }
}
