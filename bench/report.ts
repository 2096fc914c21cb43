import { machineLine } from './machine.ts';
import { type BenchResults, type Figure, goalText } from './results.ts';

/** A number as the table shows it: integers for large values, two decimals for small ones. */
function num(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(2);
}

function verdict(figure: Figure): string {
  if (figure.pass === null) return '-';
  return figure.pass ? 'pass' : 'FAIL';
}

const HEADER = ['figure', 'value', 'baseline', 'ratio', 'goal', 'result'] as const;

/** The rows of the table, one per figure, as strings. */
export function tableRows(results: BenchResults): string[][] {
  return results.figures.map((f) => [
    f.label,
    `${num(f.value)} ${f.unit}`,
    `${num(f.baseline)} ${f.unit}`,
    `${num(f.ratio)}x`,
    goalText(f.goal, f.unit),
    verdict(f),
  ]);
}

/** The plain-text report: machine, aligned table, notes, overall verdict. */
export function formatReport(results: BenchResults): string {
  const rows = [[...HEADER], ...tableRows(results)];
  const widths = HEADER.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]) => row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ');
  const notes = results.figures.map((f) => `  ${f.id}: ${f.note}`);
  const missed = results.figures.filter((f) => f.pass === false).map((f) => f.id);
  return [
    `Machine: ${machineLine(results.machine)}`,
    `Mode: ${results.mode}, ${Math.round(results.durationMs / 1000)} s`,
    '',
    line(rows[0] ?? []),
    ...rows.slice(1).map(line),
    '',
    'Notes:',
    ...notes,
    '',
    missed.length ? `Goals missed: ${missed.join(', ')}` : 'Every goal met.',
  ].join('\n');
}

/** The same table in Markdown, for the README's Performance section. */
export function markdownTable(results: BenchResults): string {
  const rows = tableRows(results);
  return [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
