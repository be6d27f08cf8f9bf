import { describe, expect, test } from 'vitest';
import { KeysUsageError, parseKeysCommand, runKeysCommand } from '../../../src/auth/keys-command.js';
import type { ApiKeyRecord } from '../../../datasources/credentials/api-key-store.js';

describe('parsing npm run keys', () => {
  test('create with every option, stores repeated', () => {
    expect(parseKeysCommand(['create', '--role', 'department', '--org', 'org-a', '--store', 'finance', '--store', 'office', '--source-system', 'ERP', '--label', 'x'])).toEqual({
      name: 'create',
      role: 'department',
      organizationId: 'org-a',
      stores: ['finance', 'office'],
      sourceSystem: 'ERP',
      label: 'x',
      json: false,
    });
  });

  test('list, revoke and help', () => {
    expect(parseKeysCommand(['list', '--json'])).toEqual({ name: 'list', json: true });
    expect(parseKeysCommand(['revoke', 'abc', '--reason', 'leaked'])).toEqual({ name: 'revoke', id: 'abc', reason: 'leaked', json: false });
    expect(parseKeysCommand(['--help'])).toEqual({ name: 'help' });
  });

  test.each([[[]], [['create']], [['revoke']], [['revoke', 'a', 'b']], [['list', 'extra']], [['revoke', 'a', '--store', 'finance']], [['create', '--role']], [['nope']]])('%j is a usage error', (args) => {
    expect(() => parseKeysCommand(args)).toThrow(KeysUsageError);
  });
});

describe('running npm run keys', () => {
  const key: ApiKeyRecord = {
    id: '0123456789abcdef',
    role: 'analyst',
    organizationId: null,
    stores: [],
    sourceSystem: null,
    label: 'desk',
    createdAt: new Date('2026-01-02T03:04:05Z'),
    revokedAt: null,
    revocationReason: null,
  };
  const store = {
    create: async () => ({ key, id: key.id, secret: 'dgk_0123456789abcdef_secret' }),
    list: async () => [key, { ...key, id: 'fedcba9876543210', revokedAt: new Date('2026-02-01T00:00:00Z'), revocationReason: 'leaked' }],
    revoke: async () => ({ ...key, revokedAt: new Date('2026-02-01T00:00:00Z') }),
  };

  test('create shows the secret on its own line', async () => {
    const output = await runKeysCommand({ name: 'create', role: 'analyst', organizationId: null, stores: [], sourceSystem: null, label: 'desk', json: false }, store);
    expect(output.split('\n')).toContain('dgk_0123456789abcdef_secret');
    expect(output).toContain('Created API key 0123456789abcdef (analyst, label "desk", created 2026-01-02T03:04:05.000Z)');
  });

  test('list shows one line per key, revoked ones with when and why', async () => {
    expect(await runKeysCommand({ name: 'list', json: false }, store)).toBe(
      '0123456789abcdef (analyst, label "desk", created 2026-01-02T03:04:05.000Z)\n' +
        'fedcba9876543210 (analyst, label "desk", created 2026-01-02T03:04:05.000Z), revoked 2026-02-01T00:00:00.000Z (leaked)\n',
    );
  });

  test('revoke says when', async () => {
    expect(await runKeysCommand({ name: 'revoke', id: key.id, reason: null, json: false }, store)).toBe('Revoked API key 0123456789abcdef at 2026-02-01T00:00:00.000Z.\n');
  });
});
