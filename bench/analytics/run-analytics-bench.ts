/**
 * The analytics benchmark: at each scale, the median time of one year's 三公
 * lines grouped by organization and month (a) through the gateway over HTTP,
 * (b) through the data layer, and (c) as the same pipeline sent straight
 * through the driver; the ratios are the gateway's overhead. Then the peak
 * resident memory of the gateway process while it streams a 1,000,000-row
 * CSV export. The embedded store runs as its own process, so its memory is
 * not the gateway's, and the gateway runs as its own process
 * (`dist/src/main.js`), started afresh for the export so that its peak
 * resident memory (VmHWM) is the export's.
 *
 *   npm run build && node dist/bench/analytics/run-analytics-bench.js [--scales 100000,1000000] [--runs 7] [--export-rows 1000000] [--results DIR (default bench/analytics/results)]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { analyticsOf } from '../../datasources/analytics/analytics-service.js';
import type { AggregationRequest } from '../../datasources/analytics/analytics-request.js';
import { EXPENSES } from '../../datasources/finance/finance-store.js';
import { openStores, STORE_NAMES, type Stores, type StoresConfig } from '../../datasources/index.js';
import { startEmbeddedProcess } from '../lib/embedded-process.js';
import { msSince } from '../lib/stats.js';
import { expenseBatches } from './expense-records.js';
import { startGatewayProcess } from './gateway-process.js';

interface Options {
  scales: number[];
  runs: number;
  exportRows: number;
  results: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { scales: [100_000, 1_000_000], runs: 7, exportRows: 1_000_000, results: 'bench/analytics/results' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--scales') options.scales = value.split(',').map(Number);
    else if (flag === '--runs') options.runs = Number(value);
    else if (flag === '--export-rows') options.exportRows = Number(value);
    else if (flag === '--results') options.results = value;
    else throw new Error(`Unknown option ${flag}`);
  }
  return options;
}

/** Time limit of one aggregation during the benchmark, in ms. */
const BENCH_TIME_LIMIT_MS = 600_000;

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

const QUERY = `query { threePublicExpenseAggregate(first: 10000, filter: { yearFrom: 2015, yearTo: 2015 }, groupBy: [ORGANIZATION, MONTH]) {
  groupCount groups { key { month } count amount { sum } } } }`;

/**
 * Runs each contender `runs` times, interleaved (a, b, c, a, b, c, …) after
 * one warm-up each, so a change in the machine's load hits all of them alike;
 * the samples in ms, per contender.
 */
async function timeInterleaved(runs: number, contenders: Array<() => Promise<unknown>>): Promise<number[][]> {
  for (const work of contenders) await work();
  const samples: number[][] = contenders.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [j, work] of contenders.entries()) {
      const start = process.hrtime.bigint();
      await work();
      samples[j]!.push(msSince(start));
    }
  }
  return samples;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const server = await startEmbeddedProcess(['--memory']);
  const client = new MongoClient(server.uri);
  // The gateway's default database names, so the gateway process finds the same data.
  const config = Object.fromEntries(STORE_NAMES.map((name) => [name, { uri: server.uri, dbName: name, timeoutMS: 120_000 }])) as StoresConfig;
  const stores: Stores = await openStores(config);
  // The benchmark measures how long the aggregation takes, so neither side may stop it (the gateway process gets the same limit).
  analyticsOf(stores, { timeLimitMS: BENCH_TIME_LIMIT_MS });
  const { secret } = await stores.credentials.create({ role: 'analyst', label: 'analytics benchmark' });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${secret}` };
  const expenses = client.db('finance').collection(EXPENSES);
  // It loads the small demo data set into the empty catalog, as `npm start` does.
  process.env.ANALYTICS_TIME_LIMIT_MS = String(BENCH_TIME_LIMIT_MS);
  // It measures the aggregation itself, and it loads records straight into the store, which the gateway's cache of answers would not hear of.
  process.env.ANALYTICS_CACHE = 'off';
  let gateway = await startGatewayProcess(server.uri).catch(async (error: unknown) => {
    await stores.close();
    await client.close();
    await server.stop();
    throw error;
  });
  const report: Record<string, unknown> = {
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryBytes: os.totalmem(), loadavg: os.loadavg(), node: process.version },
    query: 'one year of 三公 lines grouped by organization and month, sum of amounts',
    scales: [] as unknown[],
  };
  let loaded = 0;
  try {
    for (const scale of options.scales) {
      const loadStart = process.hrtime.bigint();
      let index = 0;
      for (const batch of expenseBatches(scale)) {
        if (index + batch.length > loaded) await expenses.insertMany(batch.slice(Math.max(0, loaded - index)), { ordered: false });
        index += batch.length;
      }
      loaded = Math.max(loaded, scale);
      const loadMs = msSince(loadStart);
      const request: AggregationRequest = { kind: 'EXPENSE', filter: { yearFrom: 2015, yearTo: 2015 }, groupBy: ['ORGANIZATION', 'MONTH'], measures: ['amount'], visibleAt: new Date() };
      const pipeline = await analyticsOf(stores).pipelineFor('finance', request);
      let groups = 0;
      const [driver, dataLayer, http] = await timeInterleaved(options.runs, [
        async () => {
          groups = (await expenses.aggregate(pipeline, { allowDiskUse: true, batchSize: 100_000 }).toArray()).length;
        },
        () => analyticsOf(stores).aggregate(request),
        async () => {
          const response = await fetch(gateway.url, { method: 'POST', headers, body: JSON.stringify({ query: QUERY }) });
          const body = (await response.json()) as { errors?: unknown; data?: { threePublicExpenseAggregate: { groupCount: number } } };
          if (body.errors || body.data?.threePublicExpenseAggregate.groupCount !== groups) throw new Error(`Unexpected answer: ${JSON.stringify(body).slice(0, 300)}`);
        },
      ]) as [number[], number[], number[]];
      const row = {
        records: scale,
        groups,
        loadSeconds: Number((loadMs / 1000).toFixed(1)),
        driverMedianMs: Number(median(driver).toFixed(1)),
        dataLayerMedianMs: Number(median(dataLayer).toFixed(1)),
        gatewayHttpMedianMs: Number(median(http).toFixed(1)),
        dataLayerRatio: Number((median(dataLayer) / median(driver)).toFixed(3)),
        gatewayHttpRatio: Number((median(http) / median(driver)).toFixed(3)),
        samplesMs: { driver, dataLayer, http },
        loadAverageAfter: os.loadavg(),
      };
      (report.scales as unknown[]).push(row);
      console.log(`${scale} records, ${groups} groups: driver ${row.driverMedianMs} ms, data layer ${row.dataLayerMedianMs} ms (${row.dataLayerRatio}x), gateway over HTTP ${row.gatewayHttpMedianMs} ms (${row.gatewayHttpRatio}x)`);
    }

    if (options.exportRows > 0) {
      if (loaded < options.exportRows) {
        let index = 0;
        for (const batch of expenseBatches(options.exportRows)) {
          if (index + batch.length > loaded) await expenses.insertMany(batch.slice(Math.max(0, loaded - index)), { ordered: false });
          index += batch.length;
        }
        loaded = options.exportRows;
      }
      // A fresh gateway process, so its peak resident memory is the export's.
      await gateway.stop();
      gateway = await startGatewayProcess(server.uri);
      const baseline = gateway.memory().rss;
      const start = process.hrtime.bigint();
      const response = await fetch(`${gateway.origin}/exports/three-public-expenses?format=csv`, { headers });
      let bytes = 0;
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        for (const byte of chunk) if (byte === 0x0a) lines++;
      }
      const peak = gateway.memory().peak;
      const seconds = msSince(start) / 1000;
      const exportRow = {
        rows: lines - 1,
        bytes,
        seconds: Number(seconds.toFixed(1)),
        rowsPerSecond: Math.round((lines - 1) / seconds),
        gatewayRssBeforeMB: Number((baseline / 2 ** 20).toFixed(1)),
        gatewayPeakRssMB: Number((peak / 2 ** 20).toFixed(1)),
        storeRssMB: Number((server.residentBytes() / 2 ** 20).toFixed(1)),
      };
      report.export = exportRow;
      console.log(
        `export of ${exportRow.rows} rows (${(bytes / 2 ** 20).toFixed(1)} MiB CSV) in ${exportRow.seconds} s: gateway process RSS ${exportRow.gatewayRssBeforeMB} MB before, ${exportRow.gatewayPeakRssMB} MB peak (store process ${exportRow.storeRssMB} MB)`,
      );
    }
  } finally {
    await gateway.stop();
    await stores.close();
    await client.close();
    await server.stop();
  }
  mkdirSync(options.results, { recursive: true });
  const file = path.join(options.results, `analytics-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`results: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
