/** One printed figure: its name and value. */
export type Figure = readonly [name: string, value: string | number];

/**
 * Prints a test's figures as a two-column table on stdout, so every run, passing or failing, leaves the
 * numbers behind (the README's Reliability section quotes them).
 */
export function printFigures(title: string, figures: readonly Figure[]): void {
  const rows = figures.map(([name, value]) => [name, typeof value === 'number' ? format(value) : value]);
  const width = Math.max(6, ...rows.map(([name]) => name?.length ?? 0));
  const lines = [
    `\n${title}`,
    `| ${'figure'.padEnd(width)} | value`,
    `| ${'-'.repeat(width)} | -----`,
    ...rows.map(([name, value]) => `| ${(name ?? '').padEnd(width)} | ${value}`),
  ];
  console.log(lines.join('\n'));
}

function format(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Milliseconds as seconds with one decimal, for tables. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
