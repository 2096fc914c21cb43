import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';
import { waitFor } from './test-helpers.ts';

describe('parseCliArgs', () => {
  it('uses flags first, then SIM_PORT, then the defaults', () => {
    expect(parseCliArgs([], {})).toEqual({
      port: 4010,
      host: '127.0.0.1',
      stepMs: 1000,
      seed: undefined,
      verbose: false,
    });
    expect(parseCliArgs([], { SIM_PORT: '5000' })).toMatchObject({ port: 5000 });
    expect(
      parseCliArgs(['--port', '0', '--step-ms', '20', '--seed', '9', '--verbose'], { SIM_PORT: '5000' }),
    ).toEqual({
      port: 0,
      host: '127.0.0.1',
      stepMs: 20,
      seed: 9,
      verbose: true,
    });
  });
  it('rejects bad numbers and unknown flags', () => {
    expect(() => parseCliArgs(['--port', 'x'], {})).toThrow(/--port/);
    expect(() => parseCliArgs(['--step-ms', '0'], {})).toThrow(/--step-ms/);
    expect(() => parseCliArgs(['--nope'], {})).toThrow();
  });
});

describe('pnpm sim entry point', () => {
  it('prints where it listens, serves the WSDL, and exits 0 on SIGTERM', async () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--step-ms', '50'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const endpoint = await waitFor(
        () => /listening on (http:\/\/127\.0\.0\.1:\d+\/eCall\.asmx) /.exec(output)?.[1],
        20_000,
      );
      expect(output).toContain(`(WSDL: ${endpoint}?wsdl, account demo/demo`);
      const wsdl = await fetch(`${endpoint}?wsdl`);
      expect(await wsdl.text()).toContain(`location="${endpoint}"`);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
