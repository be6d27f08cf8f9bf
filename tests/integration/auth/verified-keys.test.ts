/**
 * The memory of verified API keys over the real gateway: a key is read from
 * the office store once, then trusted for the TTL; a key revoked through
 * the gateway is refused at once, a key revoked elsewhere (the `keys`
 * command's own store object) once the TTL has passed, and at once with
 * the memory off; a wrong secret is never remembered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../../datasources/credentials/api-key-store.js';
import type { StoreCommandEvent } from '../../../datasources/store-connection.js';
import { issueKey } from '../../helpers/credentials.js';
import { startTestGateway, type TestGateway } from '../../helpers/gateway.js';

const QUERY = '{ __typename }';

let gateway: TestGateway | null = null;
let commands: StoreCommandEvent[] = [];

afterEach(async () => {
  await gateway?.stop();
  gateway = null;
});

async function start(apiKeyCacheTtlMs: number) {
  commands = [];
  gateway = await startTestGateway({ caching: { apiKeyCacheTtlMs }, onCommand: (event) => commands.push(event) });
  return gateway;
}

/** Office store reads of the `apiKeys` collection (the key lookups) during `work`. */
async function keyLookups(work: () => Promise<unknown>): Promise<number> {
  const before = commands.length;
  await work();
  return commands.slice(before).filter((event) => event.store === 'office' && event.commandName === 'find').length;
}

describe('verified API keys', () => {
  it('reads a key once within the TTL, and refuses it at once when the gateway revokes it', async () => {
    const gw = await start(60_000);
    const key = await issueKey(gw, { role: 'analyst' });
    expect(await keyLookups(async () => {
      for (let i = 0; i < 3; i++) expect((await gw.graphql(QUERY, {}, key.headers)).status).toBe(200);
    })).toBe(1);
    const revoked = await gw.graphql(`mutation($id: ID!) { revokeApiKey(id: $id, reason: "测试") { revokedAt } }`, { id: key.id }, (await issueKey(gw, { role: 'admin' })).headers);
    expect(revoked.errors).toBeUndefined();
    const refused = await gw.graphql(QUERY, {}, key.headers);
    expect([refused.status, refused.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('never remembers a wrong secret', async () => {
    const gw = await start(60_000);
    const key = await issueKey(gw, { role: 'analyst' });
    const wrong = { authorization: `${key.headers.authorization!.slice(0, -4)}AAAA` };
    expect(await keyLookups(async () => {
      for (let i = 0; i < 2; i++) expect((await gw.graphql(QUERY, {}, wrong)).status).toBe(401);
    })).toBe(2);
  });

  it('refuses a key revoked elsewhere once the TTL has passed, and at once with the memory off', async () => {
    const gw = await start(300);
    const key = await issueKey(gw, { role: 'analyst' });
    expect((await gw.graphql(QUERY, {}, key.headers)).status).toBe(200);
    // The `keys` command revokes through a store object of its own, which the gateway does not hear.
    await new ApiKeyStore(gw.stores.connections.office).revoke(key.id, '测试');
    expect((await gw.graphql(QUERY, {}, key.headers)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await gw.graphql(QUERY, {}, key.headers)).status).toBe(401);
    await gw.stop();

    const uncached = await start(0);
    const other = await issueKey(uncached, { role: 'analyst' });
    expect((await uncached.graphql(QUERY, {}, other.headers)).status).toBe(200);
    await new ApiKeyStore(uncached.stores.connections.office).revoke(other.id, '测试');
    expect((await uncached.graphql(QUERY, {}, other.headers)).status).toBe(401);
  });
});
