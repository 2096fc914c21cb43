import { cpus, release, totalmem } from 'node:os';
import type { Redis } from 'ioredis';

/** The machine a run was measured on; figures mean little without it. */
export interface Machine {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly redis: string;
}

/** Reads the field `name` of a Redis INFO section. */
export function infoField(info: string, name: string): string | undefined {
  const line = info.split('\r\n').find((entry) => entry.startsWith(`${name}:`));
  return line?.slice(name.length + 1);
}

/** CPU time Redis has used since it started (user and system), in ms: differences give a run's share. */
export async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  return 1000 * (Number(infoField(info, 'used_cpu_user')) + Number(infoField(info, 'used_cpu_sys')));
}

/** Describes this machine and the Redis server the run uses. */
export async function describeMachine(redis: Redis): Promise<Machine> {
  const cpuList = cpus();
  return {
    cores: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${process.platform} ${release()}`,
    node: process.version,
    redis: infoField(await redis.info('server'), 'redis_version') ?? 'unknown',
  };
}

/** One line for the report header. */
export function machineLine(machine: Machine): string {
  return (
    `${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.os}, ` +
    `Node ${machine.node}, Redis ${machine.redis}`
  );
}
