import { expect } from 'vitest';
import type { Harness } from './harness.ts';

/** POSTs a message, expects 202 and returns its id. */
export async function sendOk(h: Harness, path: string, body: unknown): Promise<string> {
  const res = await h.post(path, body);
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

/** Expects `status` and returns the JSON body. */
export async function jsonOf<T>(res: Response, status: number): Promise<T> {
  expect(res.status).toBe(status);
  return (await res.json()) as T;
}
