/**
 * Append-only storage of many small byte strings packed into large slabs, so
 * that a million documents cost a few hundred buffers instead of a million.
 *
 * A stored string is addressed by one number, its location: slab index times
 * SLAB_SPAN plus the offset in the slab. Locations stay below 2^31 for the
 * first 2048 slab indexes, so V8 keeps them as small integers (no heap number
 * per entry). Bytes are never overwritten once written, which is what lets
 * views handed out earlier stay valid. A slab is dropped as soon as nothing
 * live remains in it; to get there, the owner moves the live strings out of
 * the sparsest slabs a few at a time (`chooseVictims`, `isVictim`, `move`),
 * so that reclaiming space never stalls the event loop.
 */

/** Largest size of an ordinary slab, and the address span of every slab index. */
export const SLAB_SPAN = 1 << 20;

/** Size of a store's first slab. */
const FIRST_SLAB = 4096;

/** Strings at least this long get a slab of their own, so that slab tails waste little. */
const DEDICATED_THRESHOLD = 64 * 1024;

/** Garbage below this is never worth moving documents for. */
const MIN_GARBAGE = 4 * 1024 * 1024;

/** BSON documents start with their own length (int32 little endian): the arena does not store lengths separately. */
export function bsonLength(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>> 0
  );
}

function slabOf(location: number): number {
  return Math.floor(location / SLAB_SPAN);
}

/** An append-only pool of BSON documents; it expects every string written to be a BSON document (length-prefixed). */
export class ByteArena {
  private slabs: (Uint8Array | null)[] = [];
  /** Per slab: bytes of live documents, and bytes written. */
  private slabLive: number[] = [];
  private slabUsed: number[] = [];
  private victims = new Set<number>();
  private freeSlots: number[] = [];
  /** Slab receiving small documents, -1 before the first. */
  private current = -1;
  private capacity = 0;
  /** Bytes of documents written and not yet released. */
  liveBytes = 0;
  /** Bytes of released documents still occupying slabs. */
  garbageBytes = 0;

  /** Copies `bytes` (a BSON document) into the arena and returns its location. */
  write(bytes: Uint8Array): number {
    const length = bytes.byteLength;
    this.liveBytes += length;
    if (length >= DEDICATED_THRESHOLD) {
      const slab = new Uint8Array(length);
      slab.set(bytes);
      const index = this.addSlab(slab);
      this.slabLive[index] = length;
      this.slabUsed[index] = length;
      return index * SLAB_SPAN;
    }
    if (this.current < 0 || this.slabUsed[this.current]! + length > this.capacity) this.startSlab(length);
    const index = this.current;
    const offset = this.slabUsed[index]!;
    this.slabs[index]!.set(bytes, offset);
    this.slabUsed[index] = offset + length;
    this.slabLive[index]! += length;
    return index * SLAB_SPAN + offset;
  }

  /** A view of the document at `location`; valid for as long as the caller keeps it. */
  view(location: number): Uint8Array {
    const index = slabOf(location);
    const offset = location - index * SLAB_SPAN;
    const slab = this.slabs[index]!;
    return slab.subarray(offset, offset + bsonLength(slab, offset));
  }

  /**
   * A reader of the locations valid now that later writes, releases and
   * moves do not affect: it holds on to the current slabs themselves.
   */
  pin(): (location: number) => Uint8Array {
    const slabs = this.slabs.slice();
    return (location) => {
      const index = slabOf(location);
      const offset = location - index * SLAB_SPAN;
      const slab = slabs[index]!;
      return slab.subarray(offset, offset + bsonLength(slab, offset));
    };
  }

  /** Marks the document at `location` as dropped; its slab goes once nothing live remains in it. */
  release(location: number): void {
    const index = slabOf(location);
    const slab = this.slabs[index]!;
    const length = bsonLength(slab, location - index * SLAB_SPAN);
    this.liveBytes -= length;
    this.garbageBytes += length;
    this.slabLive[index]! -= length;
    if (this.slabLive[index] === 0 && index !== this.current) this.dropSlab(index);
  }

  /** True when enough garbage accumulated that moving documents out of sparse slabs pays off. */
  wantsRelocation(): boolean {
    return this.garbageBytes > MIN_GARBAGE && 2 * this.garbageBytes > this.liveBytes;
  }

  /** Marks the slabs at least as sparse as the average as ones to empty; false when there are none. */
  chooseVictims(): boolean {
    this.victims.clear();
    let used = 0;
    for (const bytes of this.slabUsed) used += bytes;
    const garbageShare = used === 0 ? 1 : this.garbageBytes / used;
    for (let index = 0; index < this.slabs.length; index++) {
      const garbage = this.slabUsed[index]! - this.slabLive[index]!;
      if (index !== this.current && garbage > 0 && garbage >= garbageShare * this.slabUsed[index]!) this.victims.add(index);
    }
    return this.victims.size > 0;
  }

  /** Whether the document at `location` sits in a slab being emptied. */
  isVictim(location: number): boolean {
    return this.victims.has(slabOf(location));
  }

  /** Copies the document at `location` to the current slab, releases the old copy, and returns the new location. */
  move(location: number): number {
    const moved = this.write(this.view(location));
    this.release(location);
    return moved;
  }

  /** Ends a round of moves (every victim slab has been emptied and dropped by then). */
  endRelocation(): void {
    this.victims.clear();
  }

  /** Forgets every document. */
  reset(): void {
    this.slabs = [];
    this.slabLive = [];
    this.slabUsed = [];
    this.victims.clear();
    this.freeSlots = [];
    this.current = -1;
    this.capacity = 0;
    this.liveBytes = 0;
    this.garbageBytes = 0;
  }

  private startSlab(length: number): void {
    const previous = this.current;
    // Slabs start small and double, so that the many small collections of a test suite stay small.
    this.capacity = Math.min(SLAB_SPAN, Math.max(FIRST_SLAB, this.capacity * 2, length));
    this.current = this.addSlab(Buffer.allocUnsafeSlow(this.capacity));
    this.slabLive[this.current] = 0;
    this.slabUsed[this.current] = 0;
    if (previous >= 0 && this.slabLive[previous] === 0) this.dropSlab(previous);
  }

  private dropSlab(index: number): void {
    this.garbageBytes -= this.slabUsed[index]! - this.slabLive[index]!;
    this.slabs[index] = null;
    this.slabLive[index] = 0;
    this.slabUsed[index] = 0;
    this.victims.delete(index);
    this.freeSlots.push(index);
  }

  private addSlab(slab: Uint8Array): number {
    const slot = this.freeSlots.pop();
    if (slot !== undefined) {
      this.slabs[slot] = slab;
      return slot;
    }
    this.slabs.push(slab);
    return this.slabs.length - 1;
  }
}
