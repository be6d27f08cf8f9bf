/**
 * What the wire layer hands the command layer for each command, and what it
 * gets back.
 */
import type { Document } from 'bson';

/** The client connection a command arrived on. */
export interface ClientInfo {
  connectionId: number;
  /** `host:port` of the client, as `whatsmyuri` reports it. */
  remote: string;
}

export interface CommandRequest {
  /** The database the command runs against (`$db`, or the OP_QUERY namespace's database). */
  db: string;
  /** The command document, document sequences already merged in. */
  body: Document;
  client: ClientInfo;
}

/** Runs one command and resolves to its reply document; never rejects (failures are `ok: 0` replies). */
export type CommandRunner = (request: CommandRequest) => Promise<Document>;
