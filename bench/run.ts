// `pnpm bench`: runs the benchmarks, prints the machine and the table, writes bench/results.json, and exits
// non-zero when a goal is missed so that it can gate a change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBench } from './harness.ts';
import { parseBenchArgs, USAGE } from './options.ts';
import { formatReport } from './report.ts';

const RESULTS_PATH = fileURLToPath(new URL('./results.json', import.meta.url));

let parsed: ReturnType<typeof parseBenchArgs>;
try {
  parsed = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
if (parsed.cpuProfDir) mkdirSync(resolve(parsed.cpuProfDir), { recursive: true });

try {
  const results = await runBench({
    ...parsed,
    ...(parsed.cpuProfDir && { cpuProfDir: resolve(parsed.cpuProfDir) }),
    log: (line) => console.error(`[bench] ${line}`),
  });
  writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatReport(results));
  console.log(`\nWrote ${RESULTS_PATH}`);
  process.exit(results.passed ? 0 : 1);
} catch (error) {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(3);
}
