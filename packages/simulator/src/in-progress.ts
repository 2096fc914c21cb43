/** How many SOAP requests the simulator had in progress at once (GET /_sim/stats, `soapInProgress`). */
export interface SoapInProgress {
  /** The most at any moment. */
  peak: number;
  /**
   * The time-weighted mean over the time at least one was in progress, so that the idle time before and after a
   * burst does not dilute it. A client that keeps C calls open toward eCall shows C here; one that is too busy to
   * send the next request as soon as an answer comes shows less.
   */
  meanWhileBusy: number;
}

/**
 * Counts the SOAP requests in progress (from a request's arrival to the end of its answer) and integrates the count
 * over time. `now` is injectable for tests.
 */
export class InProgressCounter {
  readonly #now: () => number;
  #count = 0;
  #peak = 0;
  #changedAt = 0;
  /** Sum of count × milliseconds while the count was above zero. */
  #area = 0;
  #busyMs = 0;

  constructor(now: () => number = performance.now.bind(performance)) {
    this.#now = now;
  }

  /** A request arrived; the returned function ends it (once, however often it is called). */
  begin(): () => void {
    this.#advance();
    this.#count += 1;
    if (this.#count > this.#peak) this.#peak = this.#count;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#advance();
      this.#count -= 1;
    };
  }

  /** The figures so far. */
  snapshot(): SoapInProgress {
    this.#advance();
    return { peak: this.#peak, meanWhileBusy: this.#busyMs > 0 ? this.#area / this.#busyMs : 0 };
  }

  /** Forgets the figures; requests still in progress keep counting from now on. */
  reset(): void {
    this.#advance();
    this.#peak = this.#count;
    this.#area = 0;
    this.#busyMs = 0;
  }

  #advance(): void {
    const at = this.#now();
    if (this.#count > 0) {
      const ms = at - this.#changedAt;
      this.#area += this.#count * ms;
      this.#busyMs += ms;
    }
    this.#changedAt = at;
  }
}
