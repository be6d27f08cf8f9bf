/**
 * The gateway benchmark: for each scale, a fresh embedded store in its own
 * process is loaded with the data set; then each server (the gateway as
 * shipped, its N+1 shape, the hand-written handler, Mercurius with
 * graphql-jit, the gateway behind the response cache) runs in its own
 * process and is driven by the load generator in another. Every answer is
 * checked before its scenario is measured; round trips come from the
 * store's `serverStatus` opcounters, memory from the server's /proc status.
 */
import { MongoClient } from 'mongodb';
import { startEmbeddedProcess } from '../lib/embedded-process.js';
import type { DatasetIndex } from './dataset.js';
import type { DrivePlan, GroupLatency, PlannedRequest } from './drive.js';
import { numbered, SEQUENCE } from './sequence.js';
import { sendOne } from './one-request.js';
import { handwrittenCatalogPage } from './handwritten-catalog.js';
import { loadDataset } from './load-dataset.js';
import { pushedCollectionCounts, removePushedBatches } from './pushed-batches.js';
import { cpuMsOf, residentBytesOf, runDriver, SERVERS, startServer, type ServerName, type ServerProcess } from './processes.js';
import { openStores, STORE_NAMES, type StoresConfig } from '../../datasources/index.js';
import {
  analyticsRequests, catalogRequests, checkAnswer, conditionalCatalogRequest, itemRequests, mixedRequests, pushedSourcePrefix, pushRequests, searchRequests, type BenchCredentials, type ScenarioName,
} from './scenarios.js';

export interface GatewayBenchOptions {
  scales: number[];
  /** Short runs (the `--quick` flag and the smoke test). */
  quick: boolean;
  /** Seconds per measurement (default 3 quick, 15 otherwise). */
  seconds?: number;
  connections?: number;
  servers?: readonly ServerName[];
  /** Also the mixed load without its pushes and without its aggregations, on the gateway and as shipped (`--mixed-parts`). */
  mixedParts?: boolean;
  /** Steady runs of the mixed load at these fixed rates (requests/s), besides the one at 80% of saturation (`--mixed-rates`): the same load for code whose saturation rate differs. */
  mixedRates?: readonly number[];
}

/** The mixed load with one kind of its requests replaced by item pages. */
export type MixedPart = 'mixed-without-pushes' | 'mixed-without-aggregations';

/** One measured scenario on one server at one scale. */
export interface GatewayRow {
  scale: number;
  server: ServerName;
  scenario: ScenarioName | 'mixed-80%' | 'catalog-304' | MixedPart | `${MixedPart}-80%` | `${'mixed' | MixedPart}-${number}/s`;
  pageSize: number | null;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  roundTripsPerRequest: number;
  residentBytes: number;
  /** CPU milliseconds per answered request of the server process, and of the store process. */
  serverCpuMsPerRequest: number;
  storeCpuMsPerRequest: number;
  errors: number;
  non2xx: number;
  /** For the fixed-rate run: resident memory when it started. */
  residentBytesAtStart?: number;
  /** For the mixed load: latencies of its item pages, catalog pages, searches, aggregations and pushes on their own. */
  groups?: Record<string, GroupLatency>;
  /** The first requests that got no answer within the load generator's timeout. */
  timedOut?: string[];
}

export interface ScaleInfo {
  scale: number;
  documents: number;
  loadMs: number;
  catalogEntries: Record<string, number>;
}

interface Measurement {
  scenario: GatewayRow['scenario'];
  pageSize: number | null;
  requests: PlannedRequest[];
  check: ScenarioName;
  /** Sent as a conditional GET with the ETag of a first answer (expected: 304). */
  conditional?: boolean;
}

/** What each server is asked: the gateway everything, the baselines what they can answer. */
function measurementsFor(server: ServerName, index: DatasetIndex, credentials: BenchCredentials, mixedParts: boolean): Measurement[] {
  const catalog = (first: number): Measurement => ({ scenario: 'catalog', pageSize: first, requests: catalogRequests(first), check: 'catalog' });
  const item: Measurement = { scenario: 'item', pageSize: null, requests: itemRequests(index), check: 'item' };
  const search: Measurement = { scenario: 'search', pageSize: 20, requests: searchRequests(), check: 'search' };
  const mixed: Measurement = { scenario: 'mixed', pageSize: null, requests: mixedRequests(index, credentials), check: 'item' };
  const notModified: Measurement = { scenario: 'catalog-304', pageSize: 50, requests: [conditionalCatalogRequest(null)], check: 'catalog', conditional: true };
  const analytics: Measurement = { scenario: 'analytics', pageSize: null, requests: analyticsRequests(credentials), check: 'analytics' };
  const push: Measurement = { scenario: 'push', pageSize: 1_000, requests: pushRequests(credentials, 30, 1_000, server), check: 'push' };
  const parts: Measurement[] = mixedParts
    ? [
        { scenario: 'mixed-without-pushes', pageSize: null, requests: mixedRequests(index, credentials, 'pushes'), check: 'item' },
        { scenario: 'mixed-without-aggregations', pageSize: null, requests: mixedRequests(index, credentials, 'aggregations'), check: 'item' },
      ]
    : [];
  switch (server) {
    case 'gateway':
      return [catalog(10), catalog(50), catalog(200), notModified, item, search, analytics, push, mixed, ...parts];
    case 'n+1':
      return [catalog(50)];
    case 'handwritten':
      return [catalog(10), catalog(50), catalog(200)];
    case 'mercurius':
      return [catalog(50), item, search];
    case 'cached':
      return [catalog(50), notModified, item, analytics, mixed, ...parts];
  }
}

async function fetchAnswer(server: ServerProcess, request: PlannedRequest): Promise<unknown> {
  const { text } = await sendOne(server.origin, request);
  // A 304 has no body.
  return text === '' ? null : (JSON.parse(text) as unknown);
}

/** The conditional request of `measurement` with the ETag its first, checked, answer carries. */
async function withEtag(server: ServerProcess, measurement: Measurement): Promise<Measurement> {
  const request = measurement.requests[0]!;
  const first = await sendOne(server.origin, request);
  const problem = checkAnswer('catalog', JSON.parse(first.text) as unknown, { first: 50 });
  const etag = first.headers.etag;
  if (problem || !etag) throw new Error(`${server.name} answered the catalog page over GET wrongly: ${problem ?? 'no ETag'}`);
  const conditional = conditionalCatalogRequest(etag);
  // A revalidating browser sends max-age=0 with its conditional request.
  const check = await sendOne(server.origin, { ...conditional, headers: { ...conditional.headers, 'cache-control': 'max-age=0' } });
  if (check.status !== 304) throw new Error(`${server.name} answered a conditional GET with ${check.status} instead of 304`);
  return { ...measurement, requests: [conditional] };
}

/** Where two texts part, with a little context of each. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: expected …${a.slice(Math.max(0, i - 80), i + 80)}… got …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

/**
 * Sends the mixed load's first push once more, numbered after every send of
 * the run, and throws unless each of its records is written (updated, or
 * created if the run never reached it): the load's pushes are corrections
 * that change published records, never retries found unchanged nor
 * versions refused as stale.
 */
async function checkCorrection(server: ServerProcess, requests: PlannedRequest[], sequence: number): Promise<void> {
  const push = requests.find((request) => request.body?.includes(SEQUENCE));
  if (!push) throw new Error('the mixed load has no numbered push');
  const answer = (await fetchAnswer(server, { ...push, body: numbered(push.body!, sequence) })) as { data?: { pushFundAllocations?: { totals: Record<string, number> } } };
  const totals = answer.data?.pushFundAllocations?.totals;
  if (!totals || totals.updated! + totals.created! !== 100 || totals.unchanged !== 0 || totals.rejected !== 0) {
    throw new Error(`${server.name}'s mixed-load push was not a correction: ${JSON.stringify(answer).slice(0, 300)}`);
  }
}

/** Sum of the store's opcounters: every command a client sent it. */
async function operations(client: MongoClient): Promise<number> {
  const status = await client.db('admin').command({ serverStatus: 1 });
  return Object.values(status.opcounters as Record<string, number>).reduce((sum, n) => sum + Number(n), 0);
}

/**
 * Store commands per request, from the store's opcounters around requests
 * sent one at a time (under load, requests in flight at either end would
 * blur the count); the second serverStatus counts itself.
 */
async function roundTrips(client: MongoClient, server: ServerProcess, requests: PlannedRequest[]): Promise<number> {
  // Requests of the load generator that were still in flight when it stopped are finished first.
  for (let last = await operations(client); ; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await operations(client);
    if (now - last <= 1) break;
    last = now;
  }
  const probes = requests.slice(0, 10);
  const before = await operations(client);
  for (const request of probes) await fetchAnswer(server, request);
  const after = await operations(client);
  return (after - before - 1) / probes.length;
}

/** An analyst key and a key of a department of the largest town, created in the office store as `npm run keys` does. */
async function issueCredentials(uri: string, index: DatasetIndex): Promise<BenchCredentials> {
  const config = Object.fromEntries(STORE_NAMES.map((store) => [store, { uri, dbName: store, timeoutMS: 60_000 }])) as StoresConfig;
  const stores = await openStores(config);
  try {
    const departmentOrganizationId = index.departmentId;
    const analyst = await stores.credentials.create({ role: 'analyst', label: 'benchmark analyst' });
    const department = await stores.credentials.create({ role: 'department', organizationId: departmentOrganizationId, stores: ['finance'], sourceSystem: 'benchmark', label: 'benchmark department' });
    return {
      analyst: { authorization: `Bearer ${analyst.secret}` },
      department: { authorization: `Bearer ${department.secret}` },
      departmentOrganizationId,
    };
  } finally {
    await stores.close();
  }
}

/** Runs the benchmark and returns its rows and what was loaded at each scale. */
export async function runGatewayBench(options: GatewayBenchOptions): Promise<{ rows: GatewayRow[]; scales: ScaleInfo[] }> {
  const rows: GatewayRow[] = [];
  const scales: ScaleInfo[] = [];
  const seconds = options.seconds ?? (options.quick ? 3 : 15);
  const connections = options.connections ?? 10;
  const servers = options.servers ?? SERVERS;
  for (const scale of options.scales) {
    // A million documents per store, with the catalog's multikey search index, outgrow node's default heap.
    const store = await startEmbeddedProcess(['--memory'], ['--max-old-space-size=16384']);
    const client = await new MongoClient(store.uri).connect();
    // The mixed load's pushes are numbered versions; every run over this store continues the numbering.
    let nextSequence = 1;
    const drive = async (plan: DrivePlan) => {
      const result = await runDriver({ ...plan, firstSequence: nextSequence });
      // Requests still in flight when the driver stopped, or timed out, were numbered too.
      nextSequence += result.requests + result.errors + plan.connections + 1;
      return result;
    };
    try {
      const loaded = await loadDataset(store.uri, scale);
      scales.push({ scale, documents: loaded.documents, loadMs: loaded.loadMs, catalogEntries: loaded.index.catalogEntries });
      // The store builds an index's ordered tree on its first range or sorted read (seconds at a million entries); that first read is made here, not inside a server's store timeout.
      await handwrittenCatalogPage(client, 10, new Date());
      const credentials = await issueCredentials(store.uri, loaded.index);
      for (const name of servers) {
        let server = await startServer(name, store.uri, credentials.departmentOrganizationId);
        try {
          for (const planned of measurementsFor(name, loaded.index, credentials, options.mixedParts ?? false)) {
            const measurement = planned.conditional ? await withEtag(server, planned) : planned;
            const key = `${measurement.scenario}:${measurement.pageSize}`;
            const beforePushes = measurement.scenario === 'push' ? await pushedCollectionCounts(client) : null;
            for (const request of planned.conditional ? [] : measurement.requests.slice(0, 3)) {
              const answer = await fetchAnswer(server, request);
              const problem = checkAnswer(measurement.check, answer, { first: measurement.pageSize ?? undefined });
              if (problem) throw new Error(`${name} answered ${key} wrongly at scale ${scale}: ${problem}`);
            }
            // The page must be the very JSON the hand-written reading of the same data gives.
            if (measurement.scenario === 'catalog') {
              const text = JSON.stringify(await fetchAnswer(server, measurement.requests[0]!));
              const expected = JSON.stringify({ data: await handwrittenCatalogPage(client, measurement.pageSize!, new Date()) });
              if (expected !== text) throw new Error(`${name} answered ${key} with other JSON than the hand-written page at scale ${scale}: ${firstDifference(expected, text)}`);
            }
            const plan: DrivePlan = { origin: server.origin, connections, durationSeconds: seconds, requests: measurement.requests };
            await drive({ ...plan, durationSeconds: 1 });
            const roundTripsPerRequest = await roundTrips(client, server, measurement.requests);
            const cpuBefore = [cpuMsOf(server.pid), cpuMsOf(store.pid)];
            const result = await drive(plan);
            const perRequest = (after: number, before: number) => (after - before) / Math.max(1, result.requests);
            rows.push({
              scale, server: name, scenario: measurement.scenario, pageSize: measurement.pageSize,
              ...result, roundTripsPerRequest, residentBytes: server.residentBytes(),
              serverCpuMsPerRequest: perRequest(cpuMsOf(server.pid), cpuBefore[0]!),
              storeCpuMsPerRequest: perRequest(cpuMsOf(store.pid), cpuBefore[1]!),
            });
            if (beforePushes) {
              // Every later row is measured on the data set of its scale, not on one the push scenario grew. Pushes the load generator left in flight end with the server, before their records go.
              await server.stop();
              await removePushedBatches(client, pushedSourcePrefix(name), beforePushes);
              server = await startServer(name, store.uri, credentials.departmentOrganizationId);
            }
            const mixed = measurement.scenario.startsWith('mixed');
            if (mixed && measurement.scenario !== 'mixed-without-pushes') await checkCorrection(server, measurement.requests, nextSequence++);
            // The mixed load's steady run: uncached (the gateway's own work) and as shipped (with its caches of answers).
            if (mixed && (name === 'gateway' || name === 'cached')) {
              const steadyRun = async (rate: number, scenario: GatewayRow['scenario']) => {
                const atStart = residentBytesOf(server.pid);
                const steadyCpu = [cpuMsOf(server.pid), cpuMsOf(store.pid)];
                const steady = await drive({ ...plan, rate, durationSeconds: options.quick ? Math.max(seconds, 5) : 60 });
                rows.push({
                  scale, server: name, scenario, pageSize: null, ...steady, roundTripsPerRequest,
                  residentBytes: server.residentBytes(), residentBytesAtStart: atStart,
                  serverCpuMsPerRequest: (cpuMsOf(server.pid) - steadyCpu[0]!) / Math.max(1, steady.requests),
                  storeCpuMsPerRequest: (cpuMsOf(store.pid) - steadyCpu[1]!) / Math.max(1, steady.requests),
                });
              };
              const part = measurement.scenario as 'mixed' | MixedPart;
              await steadyRun(Math.max(1, Math.floor(result.requestsPerSecond * 0.8)), `${part}-80%`);
              for (const rate of options.mixedRates ?? []) await steadyRun(rate, `${part}-${rate}/s`);
            }
          }
        } finally {
          await server.stop();
        }
      }
    } finally {
      await client.close();
      await store.stop();
    }
  }
  return { rows, scales };
}
