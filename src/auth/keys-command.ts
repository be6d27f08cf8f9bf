/**
 * The `npm run keys` commands (create, list, revoke), parsed from the command
 * line and run against the API key store, with their output as text or JSON.
 * Kept apart from the entry point so that parsing and output are tested
 * without a process or a store.
 */
import { parseArgs } from 'node:util';
import type { ApiKeyRecord, ApiKeyStore } from '../../datasources/credentials/api-key-store.js';

export const KEYS_USAGE = `Usage:
  npm run keys -- create --role <department|reviewer|analyst|admin> [--org <organizationId>] [--store <store>]... [--source-system <name>] [--label <text>] [--json]
  npm run keys -- list [--json]
  npm run keys -- revoke <keyId> [--reason <text>] [--json]
Department keys need --org and at least one --store (finance, procurement, personnel, office).
With the embedded store, stop the gateway first (it holds the data directory), or use its admin API.`;

/** A command line that cannot be run; the message says why (the usage follows it). */
export class KeysUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeysUsageError';
  }
}

export type KeysCommand =
  | { name: 'create'; role: string; organizationId: string | null; stores: string[]; sourceSystem: string | null; label: string | null; json: boolean }
  | { name: 'list'; json: boolean }
  | { name: 'revoke'; id: string; reason: string | null; json: boolean }
  | { name: 'help' };

/** Parses the arguments after `npm run keys --`; throws KeysUsageError for anything it cannot run. */
export function parseKeysCommand(args: readonly string[]): KeysCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        role: { type: 'string' },
        org: { type: 'string' },
        store: { type: 'string', multiple: true },
        'source-system': { type: 'string' },
        label: { type: 'string' },
        reason: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new KeysUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (values.help || name === 'help') return { name: 'help' };
  const json = values.json ?? false;
  const only = (allowed: string[]) => {
    const given = Object.keys(values).filter((key) => !['json', 'help'].includes(key) && values[key as keyof typeof values] !== undefined);
    const extra = given.find((key) => !allowed.includes(key));
    if (extra !== undefined) throw new KeysUsageError(`--${extra} does not apply to "${name}"`);
  };
  switch (name) {
    case 'create':
      only(['role', 'org', 'store', 'source-system', 'label']);
      if (rest.length > 0) throw new KeysUsageError(`Unexpected argument ${JSON.stringify(rest[0])}`);
      if (values.role === undefined) throw new KeysUsageError('create needs --role');
      return {
        name,
        role: values.role,
        organizationId: values.org ?? null,
        stores: values.store ?? [],
        sourceSystem: values['source-system'] ?? null,
        label: values.label ?? null,
        json,
      };
    case 'list':
      only([]);
      if (rest.length > 0) throw new KeysUsageError(`Unexpected argument ${JSON.stringify(rest[0])}`);
      return { name, json };
    case 'revoke':
      only(['reason']);
      if (rest.length !== 1) throw new KeysUsageError('revoke needs exactly one key id');
      return { name, id: rest[0]!, reason: values.reason ?? null, json };
    case undefined:
      throw new KeysUsageError('No command given');
    default:
      throw new KeysUsageError(`Unknown command ${JSON.stringify(name)}`);
  }
}

/** Runs a parsed command against the key store and returns what to print on standard output. */
export async function runKeysCommand(command: Exclude<KeysCommand, { name: 'help' }>, keys: Pick<ApiKeyStore, 'create' | 'list' | 'revoke'>): Promise<string> {
  switch (command.name) {
    case 'create': {
      const { key, secret } = await keys.create(command);
      if (command.json) return `${JSON.stringify({ apiKey: key, secret })}\n`;
      return `Created API key ${describeKey(key)}.\nIts secret, shown only now (send it as "Authorization: Bearer <secret>"):\n${secret}\n`;
    }
    case 'list': {
      const all = await keys.list();
      if (command.json) return `${JSON.stringify(all)}\n`;
      if (all.length === 0) return 'No API keys.\n';
      return all.map((key) => `${describeKey(key)}${key.revokedAt ? `, revoked ${key.revokedAt.toISOString()}${key.revocationReason ? ` (${key.revocationReason})` : ''}` : ''}\n`).join('');
    }
    case 'revoke': {
      const key = await keys.revoke(command.id, command.reason);
      if (command.json) return `${JSON.stringify(key)}\n`;
      return `Revoked API key ${key.id} at ${key.revokedAt!.toISOString()}.\n`;
    }
  }
}

/** One line about a key: id, role, organization and stores, source system, label, creation time. */
function describeKey(key: ApiKeyRecord): string {
  const parts: string[] = [key.role];
  if (key.organizationId !== null) parts.push(`org ${key.organizationId}`, `stores ${key.stores.join(',')}`);
  if (key.sourceSystem !== null) parts.push(`source ${key.sourceSystem}`);
  if (key.label !== null) parts.push(`label ${JSON.stringify(key.label)}`);
  parts.push(`created ${key.createdAt.toISOString()}`);
  return `${key.id} (${parts.join(', ')})`;
}
