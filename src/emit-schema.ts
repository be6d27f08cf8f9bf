/**
 * `npm run schema`: writes the GraphQL schema the code builds, as SDL, to
 * `schema/schema.graphql`. The file is committed so API changes show in
 * diffs; a test fails when it differs from what the code emits.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// The CommonJS copy of graphql, the one type-graphql builds the schema with
// (a bare 'graphql' is the ESM copy under vitest, and printSchema would
// reject the schema's types as coming "from another realm").
import { printSchema } from 'graphql';
import { buildGatewaySchema } from '../schema/build-schema.js';

/** Where the committed SDL lives, from the repository root. */
export const SCHEMA_FILE = 'schema/schema.graphql';

/** The SDL of the gateway's schema, exactly as `npm run schema` writes it. */
export async function emittedSchema(): Promise<string> {
  return `${printSchema(await buildGatewaySchema())}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // dist/src/emit-schema.js → the repository root is two levels up.
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  emittedSchema()
    .then((sdl) => {
      writeFileSync(path.join(root, SCHEMA_FILE), sdl);
      process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`Could not emit the schema: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exit(1);
    });
}
