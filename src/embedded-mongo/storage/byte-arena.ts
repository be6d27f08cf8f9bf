/**
 * Append-only storage of many small byte strings packed into large slabs, so
 * that a million documents cost a few hundred buffers instead of a million.
 *
 * A stored string is addressed by one number, its location: slab index times
 * SLAB_SPAN plus the offset in the slab. Locations stay below 2^31 for the
 * first 2 GiB of slabs, so V8 keeps them as small integers (no heap number per
 * entry). Bytes are never overwritten once written, which is what lets views
 * handed out earlier stay valid; space of dropped strings is reclaimed only by
 * copying the live ones into fresh slabs (`relocate`).
 */

/** Largest size of an ordinary slab, and the address span of every slab index. */
export const SLAB_SPAN = 1 << 20;

/** Size of a store's first slab. */
const FIRST_SLAB = 4096;

/** Strings at least this long get a slab of their own, so that slab tails waste little. */
const DEDICATED_THRESHOLD = 64 * 1024;

/** BSON documents start with their own length (int32 little endian): the arena does not store lengths separately. */
export function bsonLength(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>> 0
  );
}

/** An append-only pool of BSON documents; it expects every string written to be a BSON document (length-prefixed). */
export class ByteArena {
  private slabs: (Uint8Array | null)[] = [];
  private freeSlots: number[] = [];
  private current = -1;
  /** Size of the current ordinary slab, and bytes of it used. */
  private capacity = 0;
  private used = 0;
  /** Bytes of strings written and not yet released. */
  liveBytes = 0;
  /** Bytes written and since released, still occupying slabs. */
  garbageBytes = 0;

  /** Copies `bytes` (a BSON document) into the arena and returns its location. */
  write(bytes: Uint8Array): number {
    const length = bytes.byteLength;
    this.liveBytes += length;
    if (length >= DEDICATED_THRESHOLD) {
      const slab = new Uint8Array(length);
      slab.set(bytes);
      return this.addSlab(slab) * SLAB_SPAN;
    }
    if (this.current < 0 || this.used + length > this.capacity) {
      // Slabs start small and double, so that the many small collections of a test suite stay small.
      this.capacity = Math.min(SLAB_SPAN, Math.max(FIRST_SLAB, this.capacity * 2, length));
      this.current = this.addSlab(Buffer.allocUnsafeSlow(this.capacity));
      this.used = 0;
    }
    const slab = this.slabs[this.current]!;
    const offset = this.used;
    slab.set(bytes, offset);
    this.used = offset + length;
    return this.current * SLAB_SPAN + offset;
  }

  /** A view of the document at `location`; valid for as long as the caller keeps it. */
  view(location: number): Uint8Array {
    const slabIndex = Math.floor(location / SLAB_SPAN);
    const offset = location - slabIndex * SLAB_SPAN;
    const slab = this.slabs[slabIndex]!;
    return slab.subarray(offset, offset + bsonLength(slab, offset));
  }

  /**
   * A reader of the locations valid now that later writes, releases and
   * relocations do not affect: it holds on to the current slabs themselves.
   */
  pin(): (location: number) => Uint8Array {
    const slabs = this.slabs.slice();
    return (location) => {
      const slabIndex = Math.floor(location / SLAB_SPAN);
      const offset = location - slabIndex * SLAB_SPAN;
      const slab = slabs[slabIndex]!;
      return slab.subarray(offset, offset + bsonLength(slab, offset));
    };
  }

  /** Marks the document at `location` as dropped. */
  release(location: number): void {
    const slabIndex = Math.floor(location / SLAB_SPAN);
    const offset = location - slabIndex * SLAB_SPAN;
    const slab = this.slabs[slabIndex]!;
    const length = bsonLength(slab, offset);
    this.liveBytes -= length;
    if (offset === 0 && slab.byteLength === length && slabIndex !== this.current) {
      // A dedicated slab: give its memory back at once.
      this.slabs[slabIndex] = null;
      this.freeSlots.push(slabIndex);
    } else {
      this.garbageBytes += length;
    }
  }

  /** True when enough garbage accumulated that copying the live documents pays off. */
  wantsRelocation(): boolean {
    return this.garbageBytes > 8 * SLAB_SPAN && this.garbageBytes > this.liveBytes;
  }

  /**
   * Copies every live document (given by `locations`, which the caller then
   * stores back through `moved`) into fresh slabs and forgets the old ones;
   * views handed out earlier keep their old slab alive on their own.
   */
  relocate(locations: Iterable<[string, number]>, moved: (key: string, location: number) => void): void {
    const old = this.slabs;
    const live = this.liveBytes;
    this.reset();
    // Start at the size the live data needs rather than growing through small slabs again.
    this.capacity = Math.min(SLAB_SPAN, live) / 2;
    for (const [key, location] of locations) {
      const slabIndex = Math.floor(location / SLAB_SPAN);
      const offset = location - slabIndex * SLAB_SPAN;
      const slab = old[slabIndex]!;
      moved(key, this.write(slab.subarray(offset, offset + bsonLength(slab, offset))));
    }
  }

  /** Forgets every document. */
  reset(): void {
    this.slabs = [];
    this.freeSlots = [];
    this.current = -1;
    this.capacity = 0;
    this.used = 0;
    this.liveBytes = 0;
    this.garbageBytes = 0;
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
