/**
 * The connection handshake and liveness commands: hello/isMaster, ping,
 * buildInfo. The server presents itself as a standalone mongod 7.0.
 */
import type { Document } from 'bson';
import { MAX_BSON_OBJECT_BYTES, MAX_MESSAGE_BYTES, MAX_WRITE_BATCH_SIZE } from '../wire/protocol.js';
import type { CommandTable } from './context.js';
import type { CommandRequest } from './request.js';

export const SERVER_VERSION = '7.0.0';
export const MAX_WIRE_VERSION = 21;

/** The hello reply of a writable standalone; no `topologyVersion`, so drivers keep polling heartbeats instead of streaming them. */
function helloReply(request: CommandRequest, legacy: boolean): Document {
  const reply: Document = {};
  if (request.body.helloOk) reply.helloOk = true;
  Object.assign(reply, legacy ? { ismaster: true } : { isWritablePrimary: true });
  return Object.assign(reply, {
    maxBsonObjectSize: MAX_BSON_OBJECT_BYTES,
    maxMessageSizeBytes: MAX_MESSAGE_BYTES,
    maxWriteBatchSize: MAX_WRITE_BATCH_SIZE,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: request.client.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  });
}

function buildInfo(): Document {
  return {
    version: SERVER_VERSION,
    gitVersion: '0000000000000000000000000000000000000000',
    versionArray: [7, 0, 0, 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_OBJECT_BYTES,
    storageEngines: ['embedded'],
    javascriptEngine: 'none',
    allocator: 'system',
    modules: [],
    sysInfo: 'deprecated',
    buildEnvironment: { target_os: process.platform, target_arch: process.arch },
    ok: 1,
  };
}

export const handshakeCommands: CommandTable = {
  hello: { handler: (_ctx, request) => helloReply(request, false) },
  isMaster: { handler: (_ctx, request) => helloReply(request, true) },
  ismaster: { handler: (_ctx, request) => helloReply(request, true) },
  ping: { handler: () => ({ ok: 1 }) },
  buildInfo: { handler: buildInfo },
  buildinfo: { handler: buildInfo },
};
