/**
 * Status and introspection commands (serverStatus, hostInfo, getParameter,
 * getCmdLineOpts, getLog, connectionStatus, whatsmyuri) and the session
 * bookkeeping commands, in the reply shapes tools such as mongosh expect.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import type { CommandTable, ServerContext } from './context.js';
import { SERVER_VERSION } from './handshake.js';

const MIB = 1024 * 1024;

/** Virtual memory of this process in bytes: /proc's VmSize where there is one, else the resident size. */
function virtualBytes(): number {
  try {
    const match = /^VmSize:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1]) return Number(match[1]) * 1024;
  } catch {
    // Not Linux: fall through to the resident size.
  }
  return process.memoryUsage().rss;
}

function serverStatus(ctx: ServerContext): Document {
  const now = new Date();
  const uptimeMs = now.getTime() - ctx.process.startedAt.getTime();
  const stats = ctx.engine.stats();
  return {
    host: `${os.hostname()}:${ctx.process.port}`,
    version: SERVER_VERSION,
    process: 'mongod',
    pid: process.pid,
    uptime: Math.floor(uptimeMs / 1000),
    uptimeMillis: uptimeMs,
    uptimeEstimate: Math.floor(uptimeMs / 1000),
    localTime: now,
    connections: {
      current: ctx.connections.current(),
      available: 1_000_000 - ctx.connections.current(),
      totalCreated: ctx.connections.totalCreated(),
    },
    opcounters: { ...ctx.opcounters },
    mem: { bits: 64, resident: Math.round(process.memoryUsage().rss / MIB), virtual: Math.round(virtualBytes() / MIB), supported: true },
    metrics: { cursor: { open: { total: ctx.cursors.size, noTimeout: 0 } } },
    storageEngine: { name: 'embedded', supportsCommittedReads: false, persistent: ctx.process.dbPath !== undefined, readOnly: false },
    embeddedEngine: { ...stats },
    ok: 1,
  };
}

function hostInfo(): Document {
  return {
    system: {
      currentTime: new Date(),
      hostname: os.hostname(),
      cpuAddrSize: 64,
      memSizeMB: Math.round(os.totalmem() / MIB),
      numCores: os.cpus().length,
      cpuArch: os.arch(),
      numaEnabled: false,
    },
    os: { type: os.type(), name: os.type(), version: os.release() },
    extra: {},
    ok: 1,
  };
}

function getParameter(ctx: ServerContext, body: Document): Document {
  const known: Document = {
    featureCompatibilityVersion: { version: '7.0' },
    authenticationMechanisms: [],
    cursorTimeoutMillis: 600000,
    logLevel: 0,
    port: ctx.process.port,
  };
  const all = body.getParameter === '*' || (typeof body.getParameter === 'object' && body.getParameter !== null && (body.getParameter as Document).allParameters === true);
  if (all) return { ...known, ok: 1 };
  const reply: Document = {};
  for (const key of Object.keys(body).slice(1)) {
    if (Object.hasOwn(known, key)) reply[key] = known[key];
  }
  if (Object.keys(reply).length === 0) throw new CommandError('InvalidOptions', 'no option found to get');
  return { ...reply, ok: 1 };
}

function getCmdLineOpts(ctx: ServerContext): Document {
  const parsed: Document = { net: { bindIp: ctx.process.host, port: ctx.process.port } };
  if (ctx.process.dbPath) parsed.storage = { dbPath: ctx.process.dbPath };
  return { argv: ctx.process.argv, parsed, ok: 1 };
}

function getLog(body: Document): Document {
  const which = body.getLog;
  if (which === '*') return { names: ['global', 'startupWarnings'], ok: 1 };
  if (which === 'global' || which === 'startupWarnings') return { totalLinesWritten: 0, log: [], ok: 1 };
  throw new CommandError('BadValue', `No log named '${String(which)}'`);
}

export const diagnosticCommands: CommandTable = {
  serverStatus: { handler: (ctx) => serverStatus(ctx) },
  hostInfo: { handler: () => hostInfo() },
  getParameter: { adminOnly: true, handler: (ctx, request) => getParameter(ctx, request.body) },
  getCmdLineOpts: { adminOnly: true, handler: (ctx) => getCmdLineOpts(ctx) },
  getLog: { adminOnly: true, handler: (_ctx, request) => getLog(request.body) },
  connectionStatus: { handler: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }) },
  whatsmyuri: { handler: (_ctx, request) => ({ you: request.client.remote, ok: 1 }) },
  endSessions: { handler: () => ({ ok: 1 }) },
  killSessions: { handler: () => ({ ok: 1 }) },
  killAllSessions: { handler: () => ({ ok: 1 }) },
  refreshSessions: { handler: () => ({ ok: 1 }) },
};
