/**
 * A deliberately low-level client for the embedded-only wire tests: writes
 * arbitrary bytes to the server and reads back whole replies, so tests can
 * send what no driver would.
 */
import net from 'node:net';
import { deserialize, serialize, type Document } from 'bson';
import { crc32c } from '../../src/embedded-mongo/wire/crc32c.js';

export interface RawReply {
  requestID: number;
  responseTo: number;
  opCode: number;
  /** The reply document (OP_MSG body or OP_REPLY's first document). */
  doc: Document;
}

let nextId = 1000;

/** An OP_MSG carrying `body` and optional document sequences; `checksum` appends a CRC-32C (true: correct, a number: that value). */
export function opMsg(body: Document, options: { flags?: number; sequences?: Record<string, Document[]>; checksum?: boolean | number; requestID?: number } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0]), Buffer.from(serialize(body))];
  for (const [identifier, docs] of Object.entries(options.sequences ?? {})) {
    const payload = Buffer.concat([Buffer.from(`${identifier}\0`, 'utf8'), ...docs.map((d) => Buffer.from(serialize(d)))]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4);
    parts.push(Buffer.from([1]), size, payload);
  }
  let flags = options.flags ?? 0;
  if (options.checksum !== undefined && options.checksum !== false) flags |= 1;
  const flagBytes = Buffer.alloc(4);
  flagBytes.writeUInt32LE(flags >>> 0);
  const withoutChecksum = Buffer.concat([Buffer.alloc(16), flagBytes, ...parts]);
  const total = withoutChecksum.length + (flags & 1 ? 4 : 0);
  withoutChecksum.writeInt32LE(total, 0);
  withoutChecksum.writeInt32LE(options.requestID ?? nextId++, 4);
  withoutChecksum.writeInt32LE(0, 8);
  withoutChecksum.writeInt32LE(2013, 12);
  if (!(flags & 1)) return withoutChecksum;
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(typeof options.checksum === 'number' ? options.checksum : crc32c(withoutChecksum));
  return Buffer.concat([withoutChecksum, crc]);
}

/** BSON bytes of `doc` plus a string field `name` of `length` ASCII bytes, built by hand because bson's serializer stops at 17 MiB. */
export function bsonWithLongString(doc: Document, name: string, length: number): Buffer {
  const head = Buffer.from(serialize(doc));
  const element = Buffer.concat([Buffer.from([0x02]), Buffer.from(`${name}\0`, 'utf8'), Buffer.alloc(4), Buffer.alloc(length, 'x'), Buffer.from([0])]);
  element.writeInt32LE(length + 1, 2 + name.length);
  const out = Buffer.concat([head.subarray(0, head.length - 1), element, Buffer.from([0])]);
  out.writeInt32LE(out.length, 0);
  return out;
}

/** An OP_MSG whose body is already-encoded BSON. */
export function opMsgFromBytes(body: Buffer, requestID = nextId++): Buffer {
  const message = Buffer.concat([Buffer.alloc(20), Buffer.from([0]), body]);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(requestID, 4);
  message.writeInt32LE(2013, 12);
  return message;
}

/** A legacy OP_QUERY of `query` against `namespace`. */
export function opQuery(namespace: string, query: Document, requestID = nextId++): Buffer {
  const head = Buffer.alloc(20);
  const tail = Buffer.alloc(8);
  tail.writeInt32LE(0, 0);
  tail.writeInt32LE(-1, 4);
  const message = Buffer.concat([head, Buffer.from(`${namespace}\0`, 'utf8'), tail, Buffer.from(serialize(query))]);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(requestID, 4);
  message.writeInt32LE(2004, 12);
  return message;
}

/** A message with a valid header and arbitrary payload. */
export function rawMessage(opCode: number, payload: Buffer, requestID = nextId++): Buffer {
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + payload.length, 0);
  header.writeInt32LE(requestID, 4);
  header.writeInt32LE(opCode, 12);
  return Buffer.concat([header, payload]);
}

/** One socket to the server with a reply queue. */
export class RawConnection {
  private buffered = Buffer.alloc(0);
  private readonly replies: RawReply[] = [];
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      while (this.buffered.length >= 4 && this.buffered.length >= this.buffered.readInt32LE(0)) {
        const length = this.buffered.readInt32LE(0);
        const message = this.buffered.subarray(0, length);
        this.buffered = this.buffered.subarray(length);
        this.replies.push(parseReply(message));
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  /** The next reply; rejects when the server closes the connection first or after `timeoutMs`. */
  async nextReply(timeoutMs = 5_000): Promise<RawReply> {
    const deadline = Date.now() + timeoutMs;
    while (this.replies.length === 0) {
      if (this.closed) throw new Error('connection closed by server');
      if (Date.now() > deadline) throw new Error('no reply');
      await this.waitForEvent(deadline - Date.now());
    }
    return this.replies.shift()!;
  }

  /** Resolves true once the server has closed the connection, false after `timeoutMs`. */
  async waitClosed(timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await this.waitForEvent(deadline - Date.now());
    return this.closed;
  }

  /** Replies received so far and not yet taken. */
  get pending(): number {
    return this.replies.length;
  }

  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private waitForEvent(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(ms, 0));
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function parseReply(message: Buffer): RawReply {
  const opCode = message.readInt32LE(12);
  const docStart = opCode === 1 ? 36 : 21;
  return {
    requestID: message.readInt32LE(4),
    responseTo: message.readInt32LE(8),
    opCode,
    doc: deserialize(message.subarray(docStart, docStart + message.readInt32LE(docStart))),
  };
}
