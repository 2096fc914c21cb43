// The baseline of B3: the eCall client alone, C calls in flight, no Redis, no records, no retries. Prints
// `READY`, then runs a round for every `run <label> <count>` line on its standard input and prints
// `RESULT {"label","messages","accepted","elapsedMs","cpuMs"}` for it; exits when its input ends.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createEcallClient } from '@ecall-relay/ecall';
import { benchRecipient, benchText } from '../lib/texts.ts';

const endpoint = process.env.ECALL_ENDPOINT ?? '';
const concurrency = Number(process.env.CONCURRENCY ?? '50');

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
        // The very messages the relay sends in B3 (createMessages): the same envelope for the client to build.
        { address: benchRecipient(i), message: benchText(i), jobId },
        { clientRequestId: `${jobId}.1` },
      );
      if (result.classification === 'accepted') accepted++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return accepted;
}

console.log('READY');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, label = '', count = ''] = line.trim().split(/\s+/);
  if (command !== 'run' || !/^\w+$/.test(label) || !/^\d+$/.test(count)) {
    console.error(`client-loop: cannot read "${line}"`);
    process.exit(2);
  }
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const accepted = await sendAll(label, Number(count));
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`RESULT ${JSON.stringify({ label, messages: Number(count), accepted, elapsedMs, cpuMs })}`);
}
await client.close();
process.exit(0);
