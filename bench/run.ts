/**
 * `npm run bench -- [store] [--scale 10k,100k,1m] [--quick] [--results DIR]`:
 * runs a benchmark suite, prints its table and writes it with the machine's
 * description to `bench/results/<suite>-<time>.json` (or DIR).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine } from './lib/machine.js';
import { formatStoreTable, runStoreBench } from './store/run-store-bench.js';

const defaultResultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/results');

/** "10k" → 10000, "1m" → 1000000. */
function parseScale(text: string): number {
  const match = /^(\d+)(k|m)?$/i.exec(text.trim());
  if (!match) throw new TypeError(`--scale expects sizes like 10k, 100k or 1m, got "${text}"`);
  const unit = match[2]?.toLowerCase();
  return Number(match[1]) * (unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1);
}

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      scale: { type: 'string', default: '10k,100k,1m' },
      quick: { type: 'boolean', default: false },
      results: { type: 'string', default: defaultResultsDir },
    },
    allowPositionals: true,
  });
  const suite = positionals[0] ?? 'store';
  if (suite !== 'store') throw new TypeError(`unknown benchmark suite "${suite}"; available: store`);
  const scales = values.scale.split(',').map(parseScale);
  const rows = await runStoreBench({ scales, quick: values.quick });
  console.log(formatStoreTable(rows));
  await mkdir(values.results, { recursive: true });
  const file = path.join(values.results, `store-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify({ suite, machine: describeMachine(), rows }, null, 2));
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
