/**
 * One client connection: frames its byte stream into messages, runs them one
 * at a time in arrival order (as mongod does per connection) and writes each
 * reply whole.
 */
import type { Socket } from 'node:net';
import type { Document } from 'bson';
import { CommandError } from '../errors.js';
import type { Logger } from '../commands/logger.js';
import type { ClientInfo, CommandRunner } from '../commands/request.js';
import { FramingError, MessageFramer } from './message-framer.js';
import { decodeOpMsg, encodeOpMsg } from './op-msg.js';
import { decodeOpQuery, encodeOpReply, REPLY_QUERY_FAILURE } from './op-query.js';
import { HEADER_BYTES, MsgFlag, OpCode, readHeader } from './protocol.js';

/** Commands a legacy OP_QUERY may carry: only the connection handshake. */
const OP_QUERY_COMMANDS = new Set(['hello', 'isMaster', 'ismaster']);

/** Stop reading from a client that has this many messages waiting, until it drains. */
const QUEUE_HIGH_WATER = 64;

let lastRequestId = 0;
function nextRequestId(): number {
  lastRequestId = (lastRequestId + 1) | 0;
  return lastRequestId;
}

/** Serves the wire protocol on one accepted socket; `close()` lets the message being run finish, then ends the socket. */
export class WireConnection {
  readonly client: ClientInfo;
  private readonly framer = new MessageFramer();
  private readonly queue: Buffer[] = [];
  private running: Promise<void> = Promise.resolve();
  private draining = false;
  private closing = false;

  constructor(
    private readonly socket: Socket,
    connectionId: number,
    private readonly runCommand: CommandRunner,
    private readonly log: Logger,
  ) {
    this.client = { connectionId, remote: `${socket.remoteAddress ?? '127.0.0.1'}:${socket.remotePort ?? 0}` };
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.log({ level: 'debug', msg: 'connection error', connectionId, error: error.message }));
  }

  /** Stops taking new messages, waits for the one in progress, then closes the socket. */
  async close(): Promise<void> {
    this.closing = true;
    this.queue.length = 0;
    this.socket.pause();
    await this.running;
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.closing) return;
    let messages: Buffer[];
    try {
      messages = this.framer.push(chunk);
    } catch (error) {
      if (!(error instanceof FramingError)) throw error;
      this.log({ level: 'warn', msg: 'closing connection on unframeable input', connectionId: this.client.connectionId, error: error.message });
      this.queue.length = 0;
      this.closing = true;
      // The stream cannot be resynchronised, but replies already due are still sent first.
      void this.running.then(() => this.socket.destroy());
      return;
    }
    if (messages.length === 0) return;
    this.queue.push(...messages);
    if (this.queue.length >= QUEUE_HIGH_WATER) this.socket.pause();
    if (!this.draining) {
      this.draining = true;
      this.running = this.drain();
    }
  }

  private async drain(): Promise<void> {
    try {
      for (let message = this.queue.shift(); message; message = this.queue.shift()) {
        const reply = await this.handle(message);
        if (reply && !this.socket.destroyed) this.socket.write(reply);
        if (!this.closing && this.queue.length < QUEUE_HIGH_WATER / 2 && this.socket.isPaused()) this.socket.resume();
      }
    } catch (error) {
      // Only a bug in this layer gets here; the connection's state is unknown, so end it rather than the process.
      this.log({ level: 'error', msg: 'connection failed', connectionId: this.client.connectionId, error: String(error), stack: (error as Error).stack });
      this.closing = true;
      this.queue.length = 0;
      this.socket.destroy();
    } finally {
      this.draining = false;
    }
  }

  /** Answers one framed message; resolves to the bytes to send, or null when no reply is due. */
  private async handle(message: Buffer): Promise<Buffer | null> {
    const header = readHeader(message);
    switch (header.opCode) {
      case OpCode.OP_MSG:
        return this.handleOpMsg(message, header.requestID);
      case OpCode.OP_QUERY:
        return this.handleOpQuery(message, header.requestID);
      default:
        this.log({ level: 'warn', msg: 'unsupported opcode', connectionId: this.client.connectionId, opCode: header.opCode });
        return encodeOpMsg(nextRequestId(), header.requestID, new CommandError('BadValue', `Unsupported opCode ${header.opCode}`).toReply());
    }
  }

  private async handleOpMsg(message: Buffer, requestID: number): Promise<Buffer | null> {
    const rawFlags = message.length >= HEADER_BYTES + 4 ? message.readUInt32LE(HEADER_BYTES) : 0;
    const silent = (rawFlags & MsgFlag.moreToCome) !== 0;
    let body: Document;
    try {
      body = decodeOpMsg(message).body;
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      this.log({ level: 'warn', msg: 'malformed OP_MSG', connectionId: this.client.connectionId, error: error.message });
      return silent ? null : encodeOpMsg(nextRequestId(), requestID, error.toReply());
    }
    const db = body.$db;
    const reply =
      typeof db === 'string' && db.length > 0
        ? await this.runCommand({ db, body, client: this.client })
        : new CommandError('BadValue', 'OP_MSG requests require a $db argument').toReply();
    return silent ? null : this.encodeReply(reply, (doc) => encodeOpMsg(nextRequestId(), requestID, doc));
  }

  private async handleOpQuery(message: Buffer, requestID: number): Promise<Buffer> {
    let reply: Document;
    try {
      const { fullCollectionName, query } = decodeOpQuery(message);
      const dot = fullCollectionName.indexOf('.');
      const db = fullCollectionName.slice(0, dot);
      const body = (query.$query as Document | undefined) ?? query;
      const name = Object.keys(body)[0] ?? '';
      if (dot <= 0 || fullCollectionName.slice(dot + 1) !== '$cmd' || !OP_QUERY_COMMANDS.has(name)) {
        const what = fullCollectionName.endsWith('.$cmd') ? `command: ${name}` : `query on ${fullCollectionName}`;
        const error = new CommandError('UnsupportedOpQueryCommand', `Unsupported OP_QUERY ${what}. The client driver may require an upgrade. For more details see https://dochub.mongodb.org/core/legacy-opcode-removal`);
        return encodeOpReply(nextRequestId(), requestID, { $err: error.message, ...error.toReply() }, REPLY_QUERY_FAILURE);
      }
      reply = await this.runCommand({ db, body, client: this.client });
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      reply = error.toReply();
    }
    return this.encodeReply(reply, (doc) => encodeOpReply(nextRequestId(), requestID, doc));
  }

  /** Encodes a reply, answering with an error instead when the reply itself cannot be encoded (e.g. it exceeds BSON limits). */
  private encodeReply(reply: Document, encode: (doc: Document) => Buffer): Buffer {
    try {
      return encode(reply);
    } catch (error) {
      this.log({ level: 'error', msg: 'reply could not be encoded', connectionId: this.client.connectionId, error: String(error) });
      // bson signals an oversized document with a RangeError while writing past its 17 MiB buffer.
      const codeName = error instanceof RangeError ? 'BSONObjectTooLarge' : 'InternalError';
      return encode(new CommandError(codeName, `reply could not be encoded: ${(error as Error).message}`).toReply());
    }
  }
}
