import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support/processes.ts';

// No Docker engine runs where the tests run, so the compose file and Dockerfile are checked for structure.
interface Service {
  image?: string;
  build?: { context: string; target: string };
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  profiles?: string[];
  ports?: string[];
  stop_grace_period?: string;
}
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  it('runs redis, api and worker, with the simulator behind a profile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'redis', 'simulator', 'worker']);
    expect(compose.services.simulator?.profiles).toEqual(['simulator']);
    for (const name of ['redis', 'api', 'worker']) expect(compose.services[name]?.profiles).toBeUndefined();
  });

  it('keeps Redis durable: AOF everysec, noeviction, a volume and a healthcheck', () => {
    const redis = compose.services.redis as Service;
    const flags = (redis.command ?? []).join(' ');
    expect(flags).toContain('--appendonly yes');
    expect(flags).toContain('--appendfsync everysec');
    expect(flags).toContain('--maxmemory-policy noeviction');
    expect(redis.volumes).toEqual(['redis-data:/data']);
    expect(Object.keys(compose.volumes)).toContain('redis-data');
    expect(redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('starts api and worker from the env file, after Redis is healthy, each with its entry point', () => {
    for (const [name, entry] of [
      ['api', 'apps/api/src/main.ts'],
      ['worker', 'apps/worker/src/main.ts'],
    ] as const) {
      const service = compose.services[name] as Service;
      expect(service.env_file).toBe('.env');
      expect(service.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(service.depends_on?.redis?.condition).toBe('service_healthy');
      expect(service.command).toContain(entry);
      expect(readdirSync(join(ROOT, entry, '..'))).toContain('main.ts');
    }
    expect(compose.services.api?.healthcheck?.test.join(' ')).toContain('/healthz');
    expect(compose.services.worker?.stop_grace_period).toBe('40s');
  });

  it('documents every variable the env file example sets', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const names = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1] as string);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(readme, name).toContain(name);
  });
});

describe('Dockerfile', () => {
  it('is multi-stage and runs as a non-root user', () => {
    expect(dockerfile).toMatch(/FROM node:20\S* AS deps/);
    expect(dockerfile).toMatch(/FROM node:20\S* AS runtime/);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('copies the dependency patches before installing, so the image runs the patched packages', () => {
    const install = dockerfile.indexOf('RUN pnpm install');
    expect(dockerfile.indexOf('COPY patches patches')).toBeGreaterThan(0);
    expect(dockerfile.indexOf('COPY patches patches')).toBeLessThan(install);
  });

  it('copies the manifest of every workspace package before installing', () => {
    for (const group of ['apps', 'packages']) {
      for (const name of readdirSync(join(ROOT, group))) {
        expect(dockerfile).toContain(`COPY ${group}/${name}/package.json ${group}/${name}/package.json`);
      }
    }
  });
});
