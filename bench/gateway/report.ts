/** The gateway benchmark's printed tables and the ratios against its baselines and targets. */
import type { GatewayRow, ScaleInfo } from './run-gateway-bench.js';

/** Ratios of the catalog page (a) at 50 items, per scale, and the checks of the targets. */
export interface GatewayRatios {
  scale: number;
  overNPlusOne: number | null;
  overHandwritten: number | null;
  overPeer: number | null;
  cachedOverUncached: number | null;
  /** Store round trips of (a) at 10, 50 and 200 items. */
  roundTripsByPageSize: Record<string, number>;
  /** p50 ms of (a) at 10, 50 and 200 items. */
  p50ByPageSize: Record<string, number>;
}

function find(rows: GatewayRow[], scale: number, server: string, scenario: string, pageSize: number | null): GatewayRow | undefined {
  return rows.find((r) => r.scale === scale && r.server === server && r.scenario === scenario && r.pageSize === pageSize);
}

/** The ratios the issue asks for, from the rows of one run. */
export function gatewayRatios(rows: GatewayRow[], scales: ScaleInfo[]): GatewayRatios[] {
  return scales.map(({ scale }) => {
    const gateway = find(rows, scale, 'gateway', 'catalog', 50);
    const ratio = (server: string, inverse = false) => {
      const other = find(rows, scale, server, 'catalog', 50);
      if (!gateway || !other || other.requestsPerSecond === 0) return null;
      return inverse ? other.requestsPerSecond / gateway.requestsPerSecond : gateway.requestsPerSecond / other.requestsPerSecond;
    };
    const bySize = (pick: (r: GatewayRow) => number) =>
      Object.fromEntries([10, 50, 200].flatMap((size) => {
        const row = find(rows, scale, 'gateway', 'catalog', size);
        return row ? [[String(size), pick(row)]] : [];
      }));
    return {
      scale,
      overNPlusOne: ratio('n+1'),
      overHandwritten: ratio('handwritten'),
      overPeer: ratio('mercurius'),
      cachedOverUncached: ratio('cached', true),
      roundTripsByPageSize: bySize((r) => r.roundTripsPerRequest),
      p50ByPageSize: bySize((r) => r.p50),
    };
  });
}

const n = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const x = (ratio: number | null) => (ratio === null ? '—' : `${n(ratio, 2)}x`);

function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [row(header), ...lines.map(row)].join('\n');
}

/** Every measurement, then the ratios per scale. */
export function formatGatewayTables(unordered: GatewayRow[], scales: ScaleInfo[]): string {
  const order = ['gateway', 'cached', 'n+1', 'handwritten', 'mercurius'];
  const rows = [...unordered].sort((a, b) => a.scale - b.scale || order.indexOf(a.server) - order.indexOf(b.server));
  const measured = table(
    ['docs/store', 'server', 'scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'store cmds/req', 'CPU ms/req server+store', 'RSS MiB', 'errors'],
    rows.map((r) => [
      n(r.scale),
      r.server,
      r.pageSize === null ? r.scenario : `${r.scenario} ${r.pageSize}`,
      n(r.requestsPerSecond),
      n(r.p50, 1),
      n(r.p95, 1),
      n(r.p99, 1),
      n(r.roundTripsPerRequest, 1),
      `${n(r.serverCpuMsPerRequest, 1)} + ${n(r.storeCpuMsPerRequest, 1)}`,
      r.residentBytesAtStart !== undefined ? `${n(r.residentBytesAtStart / 2 ** 20)}→${n(r.residentBytes / 2 ** 20)}` : n(r.residentBytes / 2 ** 20),
      String(r.errors + r.non2xx),
    ]),
  );
  const ratios = table(
    ['docs/store', 'catalog 50:', 'vs N+1', 'vs hand-written', 'vs Mercurius+jit', 'cached/uncached', 'store cmds 10/50/200', 'p50 ms 10/50/200'],
    gatewayRatios(rows, scales).map((r) => [
      n(r.scale),
      '',
      x(r.overNPlusOne),
      x(r.overHandwritten),
      x(r.overPeer),
      x(r.cachedOverUncached),
      Object.values(r.roundTripsByPageSize).map((v) => n(v, 1)).join(' / '),
      Object.values(r.p50ByPageSize).map((v) => n(v, 1)).join(' / '),
    ]),
  );
  const grouped = rows.filter((r) => r.groups !== undefined);
  const groups = grouped.length === 0
    ? ''
    : `\n\n${table(
        ['docs/store', 'server', 'scenario', 'group', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'timeouts'],
        grouped.flatMap((r) =>
          Object.entries(r.groups!).map(([group, latency]) => [n(r.scale), r.server, r.scenario, group, n(latency.requests), n(latency.p50, 1), n(latency.p95, 1), n(latency.p99, 1), n(latency.timeouts ?? 0)]),
        ),
      )}`;
  return `${measured}\n\n${ratios}${groups}`;
}
