import type { Instant } from '../../shared/domain/local-date.ts';
import type { Clock } from '../../shared/ports/clock.ts';

/** A clock that stands still until an operator moves it forward (CLOCK=manual): a whole calendar in seconds. */
export class ManualClock implements Clock {
  readonly manual = true;
  #now: number;

  constructor(start: Instant) {
    this.#now = Date.parse(start);
  }

  now(): Instant {
    return new Date(this.#now).toISOString();
  }

  /** Moves time forward to `to`; time never runs backwards. */
  set(to: Instant): void {
    const target = Date.parse(to);
    if (Number.isNaN(target)) throw new RangeError(`not an instant: ${to}`);
    if (target < this.#now) throw new RangeError(`the clock only moves forward (now ${this.now()})`);
    this.#now = target;
  }
}
