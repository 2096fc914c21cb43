// The baseline of B3: the eCall client alone, C calls in flight, no Redis, no records, no retries. Prints
// `RESULT {"messages","accepted","elapsedMs","cpuMs"}` for the measured part and exits.
import { randomUUID } from 'node:crypto';
import { createEcallClient } from '@ecall-relay/ecall';

const endpoint = process.env.ECALL_ENDPOINT ?? '';
const concurrency = Number(process.env.CONCURRENCY ?? '50');
const messages = Number(process.env.MESSAGES ?? '1000');
const warmup = Number(process.env.WARMUP ?? '0');
const address = process.env.ADDRESS ?? '0041791234567';

const client = createEcallClient({ endpoint, accountName: 'demo', accountPassword: 'demo' });
const run = randomUUID().slice(0, 8);

/** Sends `count` messages with `concurrency` lanes; resolves to how many eCall accepted. */
async function sendAll(label: string, count: number): Promise<number> {
  let next = 0;
  let accepted = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const jobId = `${run}-${label}-${i}`;
      const result = await client.sendSms(
        { address, message: `bench message ${i}`, jobId },
        { clientRequestId: `${jobId}.1` },
      );
      if (result.classification === 'accepted') accepted++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return accepted;
}

await sendAll('warm', warmup);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const accepted = await sendAll('run', messages);
const elapsedMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
await client.close();
console.log(`RESULT ${JSON.stringify({ messages, accepted, elapsedMs, cpuMs })}`);
process.exit(0);
