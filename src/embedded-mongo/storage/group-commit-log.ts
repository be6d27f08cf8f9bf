/** The file operations the log needs; a `fs.promises` FileHandle provides them (tests substitute failing ones). */
export interface SegmentHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** The file appends currently go to, and its durable length. */
export interface ActiveSegment {
  seq: number;
  handle: SegmentHandle;
  size: number;
}

interface PendingWrite {
  kind: 'write';
  data: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface PendingRotation {
  kind: 'rotate';
  open: () => Promise<ActiveSegment>;
  resolve: (previous: ActiveSegment) => void;
  reject: (error: unknown) => void;
}

/** Counters for tests and serverStatus. */
export interface GroupCommitStats {
  /** fdatasync calls made for appends. */
  datasyncs: number;
  /** Append calls acknowledged. */
  appends: number;
  /** Bytes acknowledged. */
  bytes: number;
}

/**
 * Appends byte groups to the active segment with group commit: one writer
 * loop takes every group queued while the previous fdatasync ran, writes them
 * contiguously in queue order and syncs once, then resolves them all. A
 * failed write or sync rejects every group of that round and cuts the file
 * back to its last durable length, so a later append never lands after
 * garbage; if even that fails the log refuses all further appends.
 */
export class GroupCommitLog {
  private queue: (PendingWrite | PendingRotation)[] = [];
  private running: Promise<void> | undefined;
  private broken: Error | undefined;
  readonly stats: GroupCommitStats = { datasyncs: 0, appends: 0, bytes: 0 };

  constructor(private active: ActiveSegment) {}

  /** The segment appends go to now. */
  get segment(): ActiveSegment {
    return this.active;
  }

  /** Resolves once `data` is durable in the segment (in queue order with every other append). */
  append(data: Uint8Array): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ kind: 'write', data, resolve, reject });
      this.kick();
    });
  }

  /**
   * Switches to the segment `open` creates, after every append queued before
   * this call and before every append queued after it; resolves with the
   * previous segment (closed) once the switch is done.
   */
  rotate(open: () => Promise<ActiveSegment>): Promise<ActiveSegment> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<ActiveSegment>((resolve, reject) => {
      this.queue.push({ kind: 'rotate', open, resolve, reject });
      this.kick();
    });
  }

  /** Resolves when everything queued so far has been settled. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Drains, then closes the active segment; later appends reject. */
  async close(): Promise<void> {
    await this.drain();
    this.broken ??= new Error('the journal is closed');
    await this.active.handle.close();
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.run().finally(() => {
      this.running = undefined;
      // Appends queued in the same tick as the loop's end would otherwise wait for the next caller.
      if (this.queue.length > 0) this.kick();
    });
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (head.kind === 'rotate') {
        this.queue.shift();
        await this.switchSegment(head);
        continue;
      }
      let count = this.queue.findIndex((entry) => entry.kind === 'rotate');
      if (count < 0) count = this.queue.length;
      const round = this.queue.splice(0, count) as PendingWrite[];
      await this.flush(round);
    }
  }

  private async flush(round: PendingWrite[]): Promise<void> {
    if (this.broken) {
      for (const write of round) write.reject(this.broken);
      return;
    }
    let total = 0;
    for (const write of round) total += write.data.byteLength;
    const data = round.length === 1 ? round[0]!.data : Buffer.concat(round.map((write) => write.data), total);
    const segment = this.active;
    try {
      let done = 0;
      while (done < total) {
        const { bytesWritten } = await segment.handle.write(data, done, total - done, segment.size + done);
        if (bytesWritten <= 0) throw new Error('journal write made no progress');
        done += bytesWritten;
      }
      await segment.handle.datasync();
      this.stats.datasyncs++;
    } catch (error) {
      for (const write of round) write.reject(error);
      await this.cutBack(segment);
      return;
    }
    segment.size += total;
    this.stats.appends += round.length;
    this.stats.bytes += total;
    for (const write of round) write.resolve();
  }

  /** After a failed round, removes whatever part of it reached the file. */
  private async cutBack(segment: ActiveSegment): Promise<void> {
    try {
      await segment.handle.truncate(segment.size);
      await segment.handle.datasync();
    } catch (error) {
      this.broken = new Error(`the journal cannot be written: ${String(error)}`, { cause: error });
    }
  }

  private async switchSegment(rotation: PendingRotation): Promise<void> {
    if (this.broken) {
      rotation.reject(this.broken);
      return;
    }
    try {
      const next = await rotation.open();
      const previous = this.active;
      this.active = next;
      await previous.handle.close();
      rotation.resolve(previous);
    } catch (error) {
      rotation.reject(error);
    }
  }
}
