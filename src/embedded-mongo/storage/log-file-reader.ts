import { open } from 'node:fs/promises';
import { FRAME_HEADER, LENGTH_AT } from './frame-encoder.js';
import { NameCache, decodePayload, scanFrames, type DecodedFrame, type ScanStop } from './frame-decoder.js';

const CHUNK = 8 * 1024 * 1024;

/** How far a file's frames were valid. */
export interface FileScan {
  /** 'end': every byte belongs to a valid frame; otherwise the file has a torn or corrupt tail from `validLength` on. */
  stop: ScanStop;
  validLength: number;
  fileLength: number;
}

/**
 * Streams a journal or snapshot file and hands each valid frame, decoded, to
 * `visit`, in file order, stopping at the first torn or corrupt frame (which
 * it reports rather than throws). Each chunk is a fresh buffer, so views
 * handed out stay valid.
 */
export async function readFrames(path: string, visit: (frame: DecodedFrame) => void): Promise<FileScan> {
  const handle = await open(path, 'r');
  try {
    let fileLength = (await handle.stat()).size;
    const names = new NameCache();
    let chunk = Buffer.alloc(0);
    /** File offset of chunk[0]. */
    let chunkStart = 0;
    let filled = 0;
    let consumed = 0;
    while (true) {
      const remaining = fileLength - (chunkStart + filled);
      if (remaining > 0) {
        // Carry the unconsumed tail into a new buffer big enough for the next frame.
        const tail = filled - consumed;
        const needed = tail >= FRAME_HEADER ? FRAME_HEADER + chunk.readUInt32LE(consumed + LENGTH_AT) : 0;
        const size = Math.min(Math.max(CHUNK, needed), tail + remaining);
        const next = Buffer.allocUnsafe(size);
        chunk.copy(next, 0, consumed, filled);
        chunkStart += consumed;
        filled = tail;
        consumed = 0;
        chunk = next;
        while (filled < size) {
          const { bytesRead } = await handle.read(chunk, filled, size - filled, chunkStart + filled);
          if (bytesRead === 0) {
            // The file shrank while being read: what we have is all there is.
            fileLength = chunkStart + filled;
            break;
          }
          filled += bytesRead;
        }
      }
      const current = chunk;
      const scan = scanFrames(current, consumed, filled, (from, to) => visit(decodePayload(current, from, to, names)));
      consumed = scan.validEnd;
      if (scan.stop === 'corrupt' || chunkStart + filled >= fileLength) {
        return { stop: scan.stop, validLength: chunkStart + consumed, fileLength };
      }
    }
  } finally {
    await handle.close();
  }
}
