/**
 * A MongoDB server for one test file. With `MONGODB_URI` set, the suite runs
 * against that real server (each test file in its own databases, dropped at
 * the end); otherwise it starts the embedded server in memory on an
 * ephemeral port. Tests reach either one only through the official driver.
 */
import { randomBytes } from 'node:crypto';
import { MongoClient, type MongoClientOptions } from 'mongodb';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.js';

export interface TestMongo {
  /** Connection string of the server under test. */
  uri: string;
  /** A connected client; closed by `stop()`. */
  client: MongoClient;
  /** A database name unique to this test file, so runs on a shared real server never collide. */
  dbName(suffix?: string): string;
  /** True when running against the embedded server (some tests need to kill or restart it). */
  embedded: boolean;
  stop(): Promise<void>;
}

export async function startTestMongo(clientOptions: MongoClientOptions = {}): Promise<TestMongo> {
  const external = process.env.MONGODB_URI;
  const server = external ? null : await startEmbeddedMongo({ memory: true, port: 0 });
  const uri = external ?? server!.uri;
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000, ...clientOptions });
  await client.connect();
  const prefix = `t_${randomBytes(4).toString('hex')}`;
  const used = new Set<string>();
  return {
    uri,
    client,
    embedded: server !== null,
    dbName(suffix = 'db') {
      const name = `${prefix}_${suffix}`;
      used.add(name);
      return name;
    },
    async stop() {
      if (external) {
        for (const name of used) await client.db(name).dropDatabase();
      }
      await client.close();
      await server?.stop();
    },
  };
}
