import { createRequire } from 'node:module';
import { Job, type Queue } from 'bullmq';

/** One of BullMQ's Lua commands as BullMQ itself defines it on a connection. */
interface BullmqScript {
  readonly name: string;
  readonly content: string;
  readonly keys: number;
}

/**
 * The BullMQ commands that add a job, in the order the create script numbers them. BullMQ picks one per job
 * from its options: a job with a delay is added by `addDelayedJob`, any other send job by `addStandardJob`.
 */
const ADD_COMMANDS = ['addStandardJob', 'addDelayedJob'] as const;
type AddCommand = (typeof ADD_COMMANDS)[number];

/** How one job is added: which of {@link ADD_COMMANDS}, and BullMQ's own keys and arguments for it. */
export interface JobAdd {
  /** 1-based position in {@link ADD_COMMANDS}, as the create script numbers them. */
  readonly kind: number;
  readonly keys: readonly string[];
  readonly args: readonly unknown[];
}

// BullMQ ships every command's Lua with its includes already resolved; this is the module its own connection
// loads them from (dist/cjs: what Node loads for `bullmq`, which has no exports map).
const bullmqScripts = createRequire(import.meta.url)('bullmq/dist/cjs/scripts/index.js') as Record<
  string,
  BullmqScript | undefined
>;

function script(name: AddCommand): BullmqScript {
  const found = bullmqScripts[name];
  if (!found || typeof found.content !== 'string' || found.content.startsWith('#!')) {
    throw new Error(`BullMQ's ${name} script was not found in a form the create script can include`);
  }
  return found;
}

/**
 * Lua defining BULLMQ_ADD[kind](KEYS, ARGV): each of BullMQ's add commands as a function, its source unchanged,
 * so that one script can add jobs exactly as BullMQ does and write the relay's records next to them, atomically
 * and in one round trip. BULLMQ_KEYS[kind] = { first KEYS index, key count } of that command's keys, which the
 * caller passes once per call from `keysStart` on; FIRST_OWN_KEY is the first KEYS index after them.
 */
export function bullmqAddPrelude(keysStart: number): string {
  let next = keysStart;
  const blocks: string[] = [];
  const functions = ADD_COMMANDS.map((name, i) => {
    const { content, keys } = script(name);
    blocks.push(`{${next}, ${keys}}`);
    next += keys;
    // A chunk's body is a valid function body: its locals, local functions and `return`s stay as they were.
    return `BULLMQ_ADD[${i + 1}] = function(KEYS, ARGV)\n${content}\nend`;
  });
  return [
    'local BULLMQ_ADD = {}',
    ...functions,
    `local BULLMQ_KEYS = {${blocks.join(', ')}}`,
    `local FIRST_OWN_KEY = ${next}`,
  ].join('\n');
}

/**
 * What BullMQ would send to add `job`: captured through BullMQ's own client interface (`runCommand`), so keys,
 * packed options and data are built by BullMQ's code, not ours. Nothing reaches Redis.
 *
 * @throws Error when BullMQ picks an add command the create script does not include (a job option it does not
 * expect), or whatever BullMQ throws for invalid job options.
 */
export async function captureJobAdd(job: Job): Promise<JobAdd> {
  let captured: { name: string; args: readonly unknown[] } | undefined;
  const client = {
    runCommand(name: string, args: unknown[]) {
      captured = { name, args };
      return Promise.resolve(job.id);
    },
  };
  await job.addJob(client as never);
  if (!captured) throw new Error('BullMQ added the job without running a command');
  const name = captured.name.split(':')[0] as AddCommand;
  const kind = ADD_COMMANDS.indexOf(name) + 1;
  if (kind === 0) throw new Error(`BullMQ chose ${captured.name}, which the create script does not include`);
  const { keys } = script(name);
  return { kind, keys: captured.args.slice(0, keys) as string[], args: captured.args.slice(keys) };
}

/**
 * The keys of each add command for `queue`, in {@link ADD_COMMANDS} order: the same for every job of a queue,
 * so one call passes them once (BULLMQ_KEYS). Captured from probe jobs, never added.
 */
export async function addCommandKeys(queue: Queue): Promise<readonly (readonly string[])[]> {
  const probes = [
    new Job(queue, 'probe', {}, { jobId: 'probe' }, 'probe'),
    new Job(queue, 'probe', {}, { jobId: 'probe', delay: 1 }, 'probe'),
  ];
  const adds = await Promise.all(probes.map(captureJobAdd));
  if (adds.some((add, i) => add.kind !== i + 1)) throw new Error('BullMQ added a probe job unexpectedly');
  return adds.map((add) => add.keys);
}

/** Whether `add` uses the keys its command was given once for the call (BullMQ builds them per queue). */
export function usesQueueKeys(add: JobAdd, blocks: readonly (readonly string[])[]): boolean {
  const block = blocks[add.kind - 1];
  return (
    block !== undefined && add.keys.length === block.length && add.keys.every((key, i) => key === block[i])
  );
}
