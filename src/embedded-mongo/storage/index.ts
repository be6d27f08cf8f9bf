/**
 * Storage: the in-memory record store of a collection's documents and the
 * durable journal (group commit, snapshots, recovery, compaction) of a data
 * directory. The engine codes against these names.
 */
export { RecordStore, type RecordSnapshot, type RecordStoreOptions } from './record-store.js';
export type { LogRecord } from './log-record.js';
export { openJournal, type Journal, type JournalStats } from './journal.js';
export { DataDirLockedError } from './data-dir-lock.js';
export { JournalCorruptError } from './recovery.js';
