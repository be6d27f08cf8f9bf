import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceUnavailableError } from '../../../datasources/errors.js';
import { StoreConnection } from '../../../datasources/store-connection.js';

const servers: net.Server[] = [];
const sockets: net.Socket[] = [];

afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer(onConnection);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const port = await listen(() => undefined);
  await new Promise((resolve) => servers.pop()!.close(resolve));
  return port;
}

describe('a store connection', () => {
  it('turns a refused connection into SourceUnavailableError naming the store, within its timeout', async () => {
    const store = new StoreConnection('procurement', { uri: `mongodb://127.0.0.1:${await closedPort()}/`, dbName: 'p', timeoutMS: 300 }, []);
    const started = Date.now();
    const failure = await store.run((db) => db.command({ ping: 1 })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceUnavailableError);
    expect(failure).toMatchObject({ code: 'SOURCE_UNAVAILABLE', source: 'procurement' });
    expect(Date.now() - started).toBeLessThan(2_000);
    await store.close();
  });

  it('gives up on a store that accepts connections and never answers after its timeout', async () => {
    const port = await listen((socket) => sockets.push(socket));
    const store = new StoreConnection('finance', { uri: `mongodb://127.0.0.1:${port}/`, dbName: 'f', timeoutMS: 250 }, []);
    const started = Date.now();
    await expect(store.run((db) => db.command({ ping: 1 }))).rejects.toThrow(/finance store is unavailable/);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(2_000);
    expect(await store.ping()).toMatchObject({ ok: false });
    await store.close();
  });

  it('opens without contacting the store', async () => {
    let contacted = false;
    const port = await listen((socket) => {
      contacted = true;
      sockets.push(socket);
    });
    const store = new StoreConnection('office', { uri: `mongodb://127.0.0.1:${port}/`, dbName: 'o', timeoutMS: 250 }, []);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(contacted).toBe(false);
    await store.close();
  });
});
