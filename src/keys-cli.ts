/**
 * `npm run keys -- create|list|revoke …`: API key administration on the
 * configured stores (the same configuration as the gateway). With the
 * embedded store the running gateway holds the data directory: the command
 * then says to stop it, or to use the gateway's admin API instead.
 * Exit status: 0 done, 2 bad command line or input, 1 stores unusable.
 */
import 'reflect-metadata';
import path from 'node:path';
import { CredentialInputError, validateApiKeyRequest } from '../datasources/credentials/api-key-input.js';
import { ApiKeyNotFoundError } from '../datasources/credentials/api-key-store.js';
import { SourceUnavailableError } from '../datasources/errors.js';
import { KEYS_USAGE, KeysUsageError, parseKeysCommand, runKeysCommand, type KeysCommand } from './auth/keys-command.js';
import { createLogger } from './logger.js';
import { configOrExit, openConfiguredStores, type ConfiguredStores } from './main.js';

async function keys(args: string[]): Promise<number> {
  let command: KeysCommand;
  try {
    command = parseKeysCommand(args);
  } catch (error) {
    if (!(error instanceof KeysUsageError)) throw error;
    process.stderr.write(`${error.message}.\n${KEYS_USAGE}\n`);
    return 2;
  }
  if (command.name === 'help') {
    process.stdout.write(`${KEYS_USAGE}\n`);
    return 0;
  }
  try {
    // A request that cannot succeed is refused before the stores (and the data directory's lock) are touched.
    if (command.name === 'create') validateApiKeyRequest(command);
  } catch (error) {
    if (!(error instanceof CredentialInputError)) throw error;
    process.stderr.write(`${error.message}.\n`);
    return 2;
  }
  const config = configOrExit();
  // Only warnings: the command's own output is what the administrator reads.
  const logger = createLogger({ level: config.logLevel === 'silent' ? 'silent' : 'warn' });
  let opened: ConfiguredStores;
  try {
    opened = await openConfiguredStores(config, logger);
  } catch (error) {
    if ((error as Error).name === 'DataDirLockedError') {
      // The embedded server's own wording speaks of --dbpath, which this command does not take.
      const holder = /\((pid \d+|this process[^)]*)\)/.exec((error as Error).message)?.[1] ?? 'another process';
      process.stderr.write(
        `The embedded store's data directory ${path.join(config.dataDir, 'db')} is in use (${holder}), most likely by a running gateway.\n` +
          'Stop the gateway (Ctrl+C or SIGTERM) and run this command again, or manage keys through the running gateway\'s admin API (apiKeys, createApiKey, revokeApiKey) with an admin credential.\n',
      );
      return 1;
    }
    throw error;
  }
  try {
    process.stdout.write(await runKeysCommand(command, opened.stores.credentials));
    return 0;
  } catch (error) {
    if (error instanceof CredentialInputError || error instanceof ApiKeyNotFoundError) {
      // A fresh data directory has no organizations until the gateway's first start (or `npm run seed`) loads them.
      const hint = error instanceof CredentialInputError && error.argumentName === 'organizationId' ? ' Organization ids are those of the office store (e.g. org-neicuo-czs in the demo data, which the gateway loads on its first start, or `npm run seed`).' : '';
      process.stderr.write(`${error.message}.${hint}\n`);
      return 2;
    }
    if (error instanceof SourceUnavailableError) {
      process.stderr.write(`${error.message}. Nothing was changed.\n`);
      return 1;
    }
    throw error;
  } finally {
    await opened.close();
  }
}

keys(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`The keys command failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
