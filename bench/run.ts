/**
 * `npm run bench [-- --quick]`: engine benchmarks in Node. Prints progress and
 * a table, then, as the LAST line, one JSON object with the numbers.
 */
import process from 'node:process';
import { formatTable, FULL_SIZES, QUICK_SIZES, runBenchmarks } from './benchmarks.ts';

const quick = process.argv.includes('--quick');
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
log(`engine benchmarks (${quick ? 'quick sizes' : 'full sizes'}), Node ${process.version}`);
const result = runBenchmarks(quick ? QUICK_SIZES : FULL_SIZES, log);
process.stdout.write(`${formatTable(result, !quick)}\n`);
process.stdout.write(`${JSON.stringify({ quick, ...result })}\n`);
