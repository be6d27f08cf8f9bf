import net from 'node:net';
import { afterAll, expect, test } from 'vitest';
import { MongoClient } from 'mongodb';
import { listeningPort, runCli, type CliProcess } from './cli-process.js';

const started: CliProcess[] = [];
afterAll(() => {
  for (const cli of started) if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
});

function start(args: string[]): CliProcess {
  const cli = runCli(args);
  started.push(cli);
  return cli;
}

test('an unknown flag exits non-zero with a message naming it', async () => {
  const cli = start(['--memory', '--bogus']);
  expect(await cli.exited).toBe(2);
  expect(cli.stderr.join('')).toMatch(/unknown flag '--bogus'/);
});

test('a malformed port exits non-zero', async () => {
  const cli = start(['--memory', '--port', 'abc']);
  expect(await cli.exited).toBe(2);
  expect(cli.stderr.join('')).toMatch(/--port/);
});

test('a port in use exits non-zero with a clear message', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const cli = start(['--memory', '--port', String(port)]);
    expect(await cli.exited).toBe(1);
    expect(cli.stderr.join('')).toMatch(new RegExp(`port ${port} .*already in use`));
  } finally {
    blocker.close();
  }
});

test('--memory serves the driver, logs JSON lines and stops cleanly on SIGINT', async () => {
  const cli = start(['--memory', '--port', '0']);
  const port = await listeningPort(cli);
  const client = new MongoClient(`mongodb://127.0.0.1:${port}/`, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  await client.db('cli').collection('c').insertOne({ a: 1 });
  expect(await client.db('cli').collection('c').countDocuments()).toBe(1);
  await client.close();
  cli.child.kill('SIGINT');
  expect(await cli.exited).toBe(0);
  for (const line of cli.stdout.filter((l) => l.length > 0)) expect(() => JSON.parse(line)).not.toThrow();
});
