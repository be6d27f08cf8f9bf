/**
 * Cuts a TCP byte stream into whole wire-protocol messages, whatever the
 * chunking: one message split across many chunks, many messages in one.
 */
import { HEADER_BYTES, MAX_MESSAGE_BYTES } from './protocol.js';

export class FramingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FramingError';
  }
}

/** Accumulates chunks and hands out each complete message exactly once, in order. */
export class MessageFramer {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Adds a chunk; returns the messages it completes. Throws FramingError on a length no valid message can have, after which the stream cannot be resynchronised. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const length = this.peekLength();
      if (length < HEADER_BYTES || length > MAX_MESSAGE_BYTES) {
        this.chunks = [];
        this.buffered = 0;
        throw new FramingError(`invalid message length ${length}`);
      }
      if (this.buffered < length) break;
      messages.push(this.take(length));
    }
    return messages;
  }

  /** Bytes held that do not yet form a complete message. */
  get pendingBytes(): number {
    return this.buffered;
  }

  private peekLength(): number {
    const first = this.chunks[0]!;
    if (first.length >= 4) return first.readInt32LE(0);
    return this.coalesce(4).readInt32LE(0);
  }

  /** Merges leading chunks until the first holds at least `bytes` bytes. */
  private coalesce(bytes: number): Buffer {
    let first = this.chunks[0]!;
    if (first.length >= bytes) return first;
    let count = 0;
    let size = 0;
    while (size < bytes) size += this.chunks[count++]!.length;
    first = Buffer.concat(this.chunks.slice(0, count), size);
    this.chunks.splice(0, count, first);
    return first;
  }

  private take(length: number): Buffer {
    const first = this.coalesce(length);
    const message = first.length === length ? first : first.subarray(0, length);
    if (first.length === length) this.chunks.shift();
    else this.chunks[0] = first.subarray(length);
    this.buffered -= length;
    return message;
  }
}
