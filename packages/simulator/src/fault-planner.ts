import { type FaultKind, type Faults, NO_FAULTS, parseFaultsPatch, RATE_BANDS } from './faults.ts';

/** A seeded PRNG (mulberry32): the same seed gives the same fault sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Holds the current faults and decides the fault of each send request. */
export class FaultPlanner {
  #faults: Faults;
  #random: () => number;
  readonly #initial: Faults;
  readonly #seed: number;

  /** @throws FaultsValidationError when `initial` has a bad field. */
  constructor(initial: Partial<Faults>, seed: number) {
    this.#initial = { ...NO_FAULTS, ...parseFaultsPatch(initial) };
    this.#seed = seed;
    this.#faults = { ...this.#initial, script: [...this.#initial.script] };
    this.#random = mulberry32(seed);
  }

  /** Whether new connections are being refused (read on every connection, so no copy is made). */
  get refuseConnections(): boolean {
    return this.#faults.refuseConnections;
  }

  /** The extra delay before every SOAP answer. */
  get latencyMs(): number {
    return this.#faults.latencyMs;
  }

  /** A copy of the current faults. */
  current(): Faults {
    return { ...this.#faults, script: [...this.#faults.script] };
  }

  /**
   * Applies a validated patch and returns the result.
   * @throws FaultsValidationError when a field is unknown or out of range.
   */
  update(patch: unknown): Faults {
    this.#faults = { ...this.#faults, ...parseFaultsPatch(patch) };
    return this.current();
  }

  /** Back to the start options and the start seed. */
  reset(): void {
    this.#faults = { ...this.#initial, script: [...this.#initial.script] };
    this.#random = mulberry32(this.#seed);
  }

  /**
   * The fault for the next send request: the next script entry if any, else one uniform draw
   * compared against the rates as consecutive bands (11403, 11999, drop, accept-then-drop, 500, 503).
   */
  next(): FaultKind {
    const scripted = this.#faults.script.shift();
    if (scripted !== undefined) return scripted;
    // Always draw, so a seeded run's sequence does not depend on which rates happen to be zero.
    const draw = this.#random();
    let band = 0;
    for (const [field, kind] of RATE_BANDS) {
      band += this.#faults[field];
      if (draw < band) return kind;
    }
    return 'ok';
  }
}
