import { open, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * How many small appends per second this disk makes durable one at a time
 * (write + fdatasync each): the baseline against which group commit is judged.
 */
export async function datasyncPerSecond(dir: string, rounds = 300): Promise<number> {
  const file = path.join(dir, 'datasync-probe');
  const handle = await open(file, 'w');
  const record = Buffer.alloc(200, 1);
  try {
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) {
      await handle.write(record);
      await handle.datasync();
    }
    return rounds / (Number(process.hrtime.bigint() - start) / 1e9);
  } finally {
    await handle.close();
    await rm(file, { force: true });
  }
}
