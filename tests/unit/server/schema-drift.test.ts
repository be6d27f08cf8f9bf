import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emittedSchema, SCHEMA_FILE } from '../../../src/emit-schema.js';

/** The first line where two texts differ, shown both ways, so the failure points at the change. */
function firstDifference(committed: string, emitted: string): string {
  const a = committed.split('\n');
  const b = emitted.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: committed ${JSON.stringify(a[i] ?? '<end of file>')}, emitted ${JSON.stringify(b[i] ?? '<end of file>')}`;
  }
  return 'none';
}

describe(SCHEMA_FILE, () => {
  it('is exactly what the code emits', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8').trimEnd();
    const emitted = (await emittedSchema()).trimEnd();
    if (committed !== emitted) {
      expect.fail(`${SCHEMA_FILE} differs from the schema the code builds (${firstDifference(committed, emitted)}). Run \`npm run schema\` and commit ${SCHEMA_FILE}.`);
    }
    expect(committed.length).toBeGreaterThan(0);
  });
});
