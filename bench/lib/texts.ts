// What a bench message says and to whom, in a module of its own: the bare client loop of B3 sends the same
// messages as the relay without loading the store, BullMQ or ioredis.

/** A distinct Swiss mobile number per message, so recipient indexes grow as they would in production. */
export function benchRecipient(i: number): string {
  return `0041790${String(i % 1_000_000).padStart(6, '0')}`;
}

/** The text every bench message carries: a typical short alarm SMS. */
export function benchText(i: number): string {
  return `Bench ${i}: pump 3 stopped at station 12, pressure low`;
}
