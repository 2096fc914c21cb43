import { parseCliArgs, USAGE } from './cli-args.ts';
import { startSimulator } from './simulator.ts';

// Only the process entry point reads argv and the environment; the simulator itself takes options.
let args: ReturnType<typeof parseCliArgs>;
try {
  args = parseCliArgs(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
if (args === 'help') {
  console.log(USAGE);
  process.exit(0);
}

const simulator = await startSimulator({
  port: args.port,
  host: args.host,
  stepMs: args.stepMs,
  ...(args.seed === undefined ? {} : { seed: args.seed }),
  ...(args.verbose ? { logger: (line: string) => console.log(line) } : {}),
});
console.log(
  `eCall simulator listening on ${simulator.endpoint} (WSDL: ${simulator.wsdlUrl}, account demo/demo, ` +
    `control API: ${simulator.url}/_sim/stats)`,
);

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing the eCall simulator`);
  simulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
