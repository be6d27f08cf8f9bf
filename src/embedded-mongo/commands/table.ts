/**
 * Every command the server answers, by name.
 */
import { catalogCommands } from './catalog.js';
import type { CommandTable } from './context.js';
import { diagnosticCommands } from './diagnostics.js';
import { explainCommands } from './explain.js';
import { handshakeCommands } from './handshake.js';
import { indexCommands } from './indexes.js';
import { readCommands } from './reads.js';
import { writeCommands } from './writes.js';

/** The full command table: names are case-sensitive; aliases are listed under each spelling mongod accepts. */
export const commandTable: CommandTable = {
  ...handshakeCommands,
  ...diagnosticCommands,
  ...catalogCommands,
  ...indexCommands,
  ...writeCommands,
  ...readCommands,
  ...explainCommands,
};
