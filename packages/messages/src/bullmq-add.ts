import { createRequire } from 'node:module';
import { Job, type JobsOptions, type Queue } from 'bullmq';

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
  /** BullMQ's arguments, which the create script passes on byte for byte: packed args, data JSON, packed opts. */
  readonly args: readonly (string | Uint8Array)[];
}

// BullMQ ships every command's Lua with its includes already resolved; this is the module its own connection
// loads them from (dist/cjs: what Node loads for `bullmq`, which has no exports map).
const bullmqScripts = createRequire(import.meta.url)('bullmq/dist/cjs/scripts/index.js') as Record<
  string,
  BullmqScript | undefined
>;

/** One of BullMQ's commands as its connection defines it, in a form a relay script can include as a function. */
function script(name: AddCommand | 'pause'): BullmqScript {
  const found = bullmqScripts[name];
  if (!found || typeof found.content !== 'string' || found.content.startsWith('#!')) {
    throw new Error(`BullMQ's ${name} script was not found in a form the relay's scripts can include`);
  }
  return found;
}

/**
 * Lua defining BULLMQ_ADD[kind](KEYS, ARGV): each of BullMQ's add commands as a function, its source unchanged,
 * so that one script can add jobs exactly as BullMQ does and write the relay's records next to them, atomically
 * and in one round trip. `kind` is a {@link JobAdd}'s, and so are the keys and arguments it takes.
 */
export function bullmqAddFunctions(): string {
  const functions = ADD_COMMANDS.map(
    // A chunk's body is a valid function body: its locals, local functions and `return`s stay as they were.
    (name, i) => `BULLMQ_ADD[${i + 1}] = function(KEYS, ARGV)\n${script(name).content}\nend`,
  );
  return ['local BULLMQ_ADD = {}', ...functions].join('\n');
}

/**
 * Lua defining BULLMQ_RESUME(KEYS): BullMQ's own `pause` command as a function, run to resume a queue, its source
 * unchanged, with the keys {@link resumeKeys} gives; so that a script can resume the send queue atomically with
 * other writes (lifting an account pause).
 */
export function bullmqResumeFunction(): string {
  return `local BULLMQ_RESUME = function(KEYS)\nlocal ARGV = {'resumed'}\n${script('pause').content}\nend`;
}

/**
 * The keys BullMQ's `pause` command takes to resume `queue`, as BullMQ builds them (`Scripts#pauseArgs`).
 *
 * @throws Error when BullMQ would resume with other arguments than {@link bullmqResumeFunction} passes.
 */
export function resumeKeys(queue: Queue): readonly string[] {
  const { keys } = script('pause');
  // Protected in BullMQ's types, like the `addJob` the builder uses: the very arguments `queue.resume()` sends.
  const scripts = queue.scripts as unknown as { pauseArgs(pause: boolean): readonly unknown[] };
  const built = scripts.pauseArgs(false);
  if (built.length !== keys + 1 || built[keys] !== 'resumed') {
    throw new Error(
      "BullMQ's pause command takes other arguments than the update script passes to resume a queue",
    );
  }
  return built.slice(0, keys) as string[];
}

/**
 * {@link bullmqAddFunctions}, then BULLMQ_KEYS[kind] = { first KEYS index, key count } of that command's keys,
 * for a script that is given each command's keys once per call, from `keysStart` on; FIRST_OWN_KEY is the first
 * KEYS index after them. Each of `otherQueues` (none by default) adds one more kind after {@link ADD_COMMANDS}'s:
 * `addStandardJob` into another queue, whose keys come next.
 */
export function bullmqAddPrelude(keysStart: number, otherQueues = 0): string {
  let next = keysStart;
  const commands: AddCommand[] = [...ADD_COMMANDS, ...Array<AddCommand>(otherQueues).fill('addStandardJob')];
  const blocks = commands.map((name) => {
    const { keys } = script(name);
    const block = `{${next}, ${keys}}`;
    next += keys;
    return block;
  });
  const aliases = commands
    .slice(ADD_COMMANDS.length)
    .map(
      (name, i) =>
        `BULLMQ_ADD[${ADD_COMMANDS.length + i + 1}] = BULLMQ_ADD[${ADD_COMMANDS.indexOf(name) + 1}]`,
    );
  return [
    bullmqAddFunctions(),
    ...aliases,
    `local BULLMQ_KEYS = {${blocks.join(', ')}}`,
    `local FIRST_OWN_KEY = ${next}`,
  ].join('\n');
}

/** What BullMQ's own code hands its connection to add one job: the command's name and arguments. */
interface Captured {
  readonly name: string;
  readonly args: readonly unknown[];
}

const ignore = () => undefined;

/**
 * Runs `add`, a BullMQ call that adds one job, against a client that only records the command: BullMQ builds
 * keys, packed options and data with its own code, nothing reaches Redis. BullMQ issues the command before its
 * first `await`, so the capture is synchronous (no promise per job on the api's path).
 */
function capture(add: (client: never) => Promise<unknown>): JobAdd {
  let captured: Captured | undefined;
  const client = {
    runCommand(name: string, args: unknown[]) {
      captured = { name, args };
      return Promise.resolve('captured');
    },
  };
  add(client as never).catch(ignore);
  if (!captured) throw new Error('BullMQ added the job without running a command');
  const name = captured.name.split(':')[0] as AddCommand;
  const kind = ADD_COMMANDS.indexOf(name) + 1;
  if (kind === 0) throw new Error(`BullMQ chose ${captured.name}, which the create script does not include`);
  const { keys } = script(name);
  const args = captured.args.slice(keys);
  // Only text and bytes reach the script's Lua unchanged through packForLua.
  if (!args.every((arg) => typeof arg === 'string' || arg instanceof Uint8Array)) {
    throw new Error(`BullMQ passed ${captured.name} an argument that is neither text nor bytes`);
  }
  return { kind, keys: captured.args.slice(0, keys) as string[], args: args as (string | Uint8Array)[] };
}

/**
 * What BullMQ would send to add `job`, captured through BullMQ's own client interface (`runCommand`).
 *
 * @throws Error when BullMQ picks an add command the create script does not include (a job option it does not
 * expect), or whatever BullMQ throws for invalid job options.
 */
export function captureJobAdd(job: Job): JobAdd {
  return capture((client) => job.addJob(client));
}

/** A job as BullMQ serialises it (`Job#asJSON`), the form its `Scripts#addJob` takes. */
type JobJson = ReturnType<Job['asJSON']>;

/**
 * Builds the add commands of many jobs that differ only in id, data and delay (the relay's send jobs), as
 * BullMQ's `Scripts#addJob` builds them, from two template jobs that BullMQ constructed, serialised and
 * validated once. A `Job` per message (its constructor, `asJSON`, option checks and an async add) was the largest
 * piece of the store's own work on the api's send path (pnpm bench, B1); what BullMQ does per job, packing its
 * arguments and options and choosing the command, still runs for every job. The store's tests check that a job
 * built here is written exactly as `queue.add` writes the same job.
 */
export class JobAddBuilder<D> {
  readonly #scripts: Queue['scripts'];
  readonly #plain: JobJson;
  readonly #delayed: JobJson;
  /** The keys of each add command (`BULLMQ_KEYS`), in {@link ADD_COMMANDS} order. */
  readonly commandKeys: readonly (readonly string[])[];

  /**
   * @throws Error when BullMQ refuses `opts`, or would add such jobs with a command the create script does not
   * include.
   */
  constructor(queue: Queue, name: string, opts: Omit<JobsOptions, 'jobId' | 'delay'>) {
    this.#scripts = queue.scripts;
    const template = (delay?: number) => {
      const jobOpts = { ...opts, jobId: 'template', ...(delay && { delay }) };
      const job = new Job(queue, name, {}, jobOpts, 'template');
      const add = captureJobAdd(job);
      return { json: job.asJSON(), add };
    };
    const plain = template();
    const delayed = template(1);
    if (plain.add.kind !== 1 || delayed.add.kind !== 2) {
      throw new Error('BullMQ would add these jobs with other commands than the create script expects');
    }
    this.#plain = plain.json;
    this.#delayed = delayed.json;
    this.commandKeys = [plain.add.keys, delayed.add.keys];
  }

  /**
   * The add command of job `id` with `data`, held back `delayMs` when given.
   *
   * @throws Error for an id BullMQ refuses (an integer, or a colon outside its three-part form), or when BullMQ
   * would add the job under other keys than {@link commandKeys}, the ones a create call passes once.
   */
  build(id: string, data: D, delayMs?: number, timestamp: number = Date.now()): JobAdd {
    if (`${Number.parseInt(id, 10)}` === id || (id.includes(':') && id.split(':').length !== 3)) {
      throw new Error(`BullMQ refuses the job id ${JSON.stringify(id)}`);
    }
    const template = delayMs ? this.#delayed : this.#plain;
    // Spreading keeps each option where BullMQ put it; only values change, so the packed options keep BullMQ's order.
    const opts = { ...template.opts, jobId: id, ...(delayMs && { delay: delayMs }) };
    const json = { ...template, id, data: JSON.stringify(data), timestamp, opts };
    const add = capture((client) => this.#scripts.addJob(client, json, opts, id));
    if (!usesQueueKeys(add, this.commandKeys)) {
      throw new Error(`BullMQ would add job ${id} under other keys than its queue's`);
    }
    return add;
  }
}

/** Whether `add` uses the keys its command was given once for the call (BullMQ builds them per queue). */
export function usesQueueKeys(add: JobAdd, blocks: readonly (readonly string[])[]): boolean {
  const block = blocks[add.kind - 1];
  return (
    block !== undefined && add.keys.length === block.length && add.keys.every((key, i) => key === block[i])
  );
}
