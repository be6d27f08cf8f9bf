/**
 * `npm run seed [-- --reset]`: loads the Neicuo 2015 demo data into the
 * configured stores (the embedded server on the data directory when no URI
 * is set). Without `--reset` stores that already hold the data are left as
 * they are; with it the demo records are replaced.
 */
import 'reflect-metadata';
import { loadDemoData } from '../datasources/demo/index.js';
import { createLogger } from './logger.js';
import { configOrExit, openConfiguredStores } from './main.js';

const USAGE = 'Usage: npm run seed [-- --reset]';

async function seed(args: string[]): Promise<void> {
  const unknown = args.filter((arg) => arg !== '--reset');
  if (unknown.length > 0) {
    process.stderr.write(`Unknown argument ${unknown.map((arg) => JSON.stringify(arg)).join(', ')}. ${USAGE}\n`);
    process.exit(2);
  }
  const reset = args.includes('--reset');
  const config = configOrExit();
  const logger = createLogger({ level: config.logLevel });
  const opened = await openConfiguredStores(config, logger);
  try {
    const { counts } = await loadDemoData(opened.stores, { reset });
    const summary = Object.entries(counts).map(([kind, count]) => `${kind} ${count}`).join(', ');
    process.stdout.write(`Demo data ${reset ? 'reloaded' : 'loaded'}: ${summary}\n`);
  } finally {
    await opened.close();
  }
}

seed(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
