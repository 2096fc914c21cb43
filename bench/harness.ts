import { startRedisServer } from '@ecall-relay/local-redis';
import { Redis } from 'ioredis';
import { singleEnqueue } from './b1-single-enqueue.ts';
import { bulkEnqueue } from './b2-bulk-enqueue.ts';
import { workerPipeline } from './b3-worker-pipeline.ts';
import { callbackIngest } from './b4-callback-ingest.ts';
import { memory } from './b5-memory.ts';
import type { Bench, BenchContext } from './context.ts';
import { BenchServices } from './lib/services.ts';
import { describeMachine } from './machine.ts';
import type { BenchId, BenchOptions } from './options.ts';
import type { BenchResults, Figure } from './results.ts';

const BENCH_BY_ID: Readonly<Record<BenchId, Bench>> = {
  B1: singleEnqueue,
  B2: bulkEnqueue,
  B3: workerPipeline,
  B4: callbackIngest,
  B5: memory,
};

/**
 * Runs the selected benchmarks one after the other on a private redis-server (no persistence, nothing else
 * on it), every relay process and baseline in its own child process, and returns every figure.
 *
 * @throws Error when a benchmark cannot run (a process does not start, a pipeline stalls); every process
 *   started is stopped first.
 */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const started = Date.now();
  const server = await startRedisServer();
  const redis = new Redis(server.url, { maxRetriesPerRequest: null });
  const services = new BenchServices(server.url, redis, options.cpuProfDir);
  try {
    const machine = await describeMachine(redis);
    options.log(`private Redis ${machine.redis} at ${server.url}`);
    const context: BenchContext = {
      redis,
      services,
      sizes: options.sizes,
      log: options.log,
      flush: async () => {
        await redis.flushall();
      },
    };
    const figures: Figure[] = [];
    for (const id of options.only) figures.push(...(await BENCH_BY_ID[id](context)));
    return {
      machine,
      mode: options.mode,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      figures,
      passed: figures.every((f) => f.pass !== false),
    };
  } finally {
    await services.close();
    redis.disconnect();
    await server.stop();
  }
}
