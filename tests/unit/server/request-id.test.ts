import { describe, expect, it } from 'vitest';
import { chooseRequestId } from '../../../src/http/request-id.js';

describe('chooseRequestId', () => {
  it('keeps a sane incoming id', () => {
    expect(chooseRequestId('abc-123.DEF:9_x')).toBe('abc-123.DEF:9_x');
  });

  it.each([[undefined], [''], ['has space'], ['x'.repeat(129)], ['line\nbreak'], [['a', 'b']]])('replaces %j with a fresh UUID', (incoming) => {
    const id = chooseRequestId(incoming);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
