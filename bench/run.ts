/**
 * `npm run bench -- [gateway|store] [--scale 10k,100k,1m] [--quick] [--seconds N] [--servers gateway,n+1,…] [--connections N] [--mixed-parts] [--mixed-rates N,…] [--results DIR]`:
 * runs a benchmark suite (the gateway's by default), prints its table and
 * writes it with the machine's description to
 * `bench/results/<suite>-<time>.json` (or DIR).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine } from './lib/machine.js';
import { parseAndValidateCost } from './gateway/document-cost.js';
import { formatGatewayTables, gatewayRatios } from './gateway/report.js';
import { SERVERS, type ServerName } from './gateway/processes.js';
import { runGatewayBench } from './gateway/run-gateway-bench.js';
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
      scale: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'mixed-parts': { type: 'boolean', default: false },
      'mixed-rates': { type: 'string' },
      seconds: { type: 'string' },
      servers: { type: 'string' },
      connections: { type: 'string' },
      results: { type: 'string', default: defaultResultsDir },
    },
    allowPositionals: true,
  });
  const suite = positionals[0] ?? 'gateway';
  if (suite !== 'store' && suite !== 'gateway') throw new TypeError(`unknown benchmark suite "${suite}"; available: gateway, store`);
  const scales = (values.scale ?? (suite === 'store' ? '10k,100k,1m' : '100k')).split(',').map(parseScale);
  const machine = describeMachine();
  let result: Record<string, unknown>;
  if (suite === 'store') {
    const rows = await runStoreBench({ scales, quick: values.quick });
    console.log(formatStoreTable(rows));
    result = { suite, machine, rows };
  } else {
    const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
    if (seconds !== undefined && !(seconds > 0)) throw new TypeError(`--seconds expects a positive number, got "${values.seconds}"`);
    const servers = values.servers?.split(',').map((name) => {
      if (!(SERVERS as readonly string[]).includes(name)) throw new TypeError(`--servers takes names among ${SERVERS.join(', ')}, got "${name}"`);
      return name as ServerName;
    });
    const connections = values.connections === undefined ? undefined : Number(values.connections);
    if (connections !== undefined && !(Number.isInteger(connections) && connections > 0)) throw new TypeError(`--connections expects a positive integer, got "${values.connections}"`);
    const mixedRates = values['mixed-rates']?.split(',').map((text) => {
      const rate = Number(text);
      if (!(Number.isInteger(rate) && rate > 0)) throw new TypeError(`--mixed-rates expects positive integers (requests per second), got "${text}"`);
      return rate;
    });
    const run = await runGatewayBench({
      scales, quick: values.quick, mixedParts: values['mixed-parts'],
      ...(seconds ? { seconds } : {}), ...(servers ? { servers } : {}), ...(connections ? { connections } : {}), ...(mixedRates ? { mixedRates } : {}),
    });
    const parseAndValidateMs = await parseAndValidateCost();
    console.log(formatGatewayTables(run.rows, run.scales));
    console.log(`\nparse + validate per request without Apollo's document cache (ms): ${Object.entries(parseAndValidateMs).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
    result = { suite, machine, quick: values.quick, scales: run.scales, ratios: gatewayRatios(run.rows, run.scales), parseAndValidateMs, rows: run.rows };
  }
  await mkdir(values.results, { recursive: true });
  const file = path.join(values.results, `${suite}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(result, null, 2));
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  // fetch's own message ("fetch failed") says nothing; its cause names the socket error.
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  console.error(error instanceof Error ? `${error.message}${cause}` : error);
  process.exitCode = 1;
});
