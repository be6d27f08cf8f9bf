/**
 * The registry of record kinds that department systems push. A kind says
 * which store keeps it, how a pushed record is checked and normalised, whose
 * organization it belongs to, which live documents (and which catalog entry)
 * publish it, and which live documents it owns (removed on withdrawal). The
 * push pipeline, review and withdrawal are generic over this interface: a new
 * kind is one object implementing `RecordKind`, added to the list in
 * `datasources/push/kinds.ts`; nothing in the pipeline branches on a kind.
 *
 * Content is the normalised record as stored in submissions and the ledger:
 * a plain BSON document whose money is Decimal128 (never a float), dates are
 * `YYYY-MM-DD` strings, and whose references are record ids.
 */
import type { Document } from 'mongodb';
import type { CatalogEntryDoc } from '../catalog/catalog-entry.js';
import type { StoreName } from '../store-name.js';

/** Why a pushed record is refused: the field path (`items[2].amount`, relative to the record) and the reason. */
export interface RecordIssue {
  path: string;
  reason: string;
}

/** The outcome of checking one pushed record: its normalised content, or every issue found (at least one). */
export type Validated<C extends Document> = { ok: true; content: C } | { ok: false; issues: RecordIssue[] };

/** One live document a record publishes, written into `collection` of the kind's store. */
export interface LiveDocument {
  collection: string;
  document: Document & { _id: string };
  /**
   * A document several records share (a supplier): updated in place with the
   * pushed fields, never guarded by one record's version, never removed on
   * withdrawal. Owned documents (the default) are replaced whole.
   */
  shared?: boolean;
}

/** The documents of one collection that a record owns, as a filter (a statement's expense lines: `{ statementId }`). */
export interface OwnedDocuments {
  collection: string;
  filter: Document;
}

/** What the pipeline knows when it publishes a record. */
export interface ProjectionContext {
  /** The live record id (`recordIdOf`), also the catalog entry's `_id`. */
  recordId: string;
  /** When this version became public (the approval or the direct publication), fixed in the submission so a retry projects the same. */
  publishedAt: Date;
}

/** The live form of one record: its documents and its catalog entry (written last: the entry is what makes it public). */
export interface Projection {
  documents: LiveDocument[];
  catalogEntry: CatalogEntryDoc;
}

/** A value that must stay unique in a live collection (an ocid, a credit code) and the document that may hold it. */
export interface UniqueValue {
  collection: string;
  /** The field with a unique index. */
  field: string;
  value: unknown;
  /** The live document allowed to hold the value (the record itself, or the shared document it writes). */
  ownerId: string;
  /** Path of the value in the pushed record, for the refusal. */
  path: string;
}

/** An organization a pushed record names, and where. */
export interface NamedOrganization {
  path: string;
  organizationId: string;
}

/** One kind of pushed record; implementations are stateless objects. */
export interface RecordKind<C extends Document = Document> {
  /** Name used in submissions, the ledger and the API (the GraphQL type name of the live record, e.g. `ThreePublicExpenseStatement`). */
  readonly name: string;
  /** The store that keeps both the live records and their submissions. */
  readonly store: StoreName;
  /** Prefix of live record ids: `<idPrefix>-<organizationId>-<sourceId>` (see `recordIdOf`). */
  readonly idPrefix: string;
  /** Checks the fields of one pushed record (everything but `sourceId` and `version`); never throws for bad input. */
  validate(fields: Readonly<Record<string, unknown>>): Validated<C>;
  /** The organization the record belongs to (whose department may write it). */
  organizationOf(content: C): string;
  /** Other organizations the record names (a recipient village, a post's organization), with their paths in the pushed record: each must be in the organization directory. */
  namedOrganizations?(content: C): NamedOrganization[];
  /** The live documents and catalog entry of `content` published under `context.recordId`. */
  project(content: C, context: ProjectionContext): Projection;
  /**
   * Every owned live document of record `recordId`, per collection (the
   * record itself included; its catalog entry is removed by the pipeline).
   * On withdrawal all of them are deleted; on an update, those the new
   * projection does not write again.
   */
  retract(recordId: string): OwnedDocuments[];
  /**
   * Values of `content` published under `recordId` that a unique index of a
   * live collection guards. The pipeline refuses a record whose value another
   * live document already holds (or another record of the batch claims), so a
   * publication never fails on a unique index halfway.
   */
  uniqueValues?(content: C, recordId: string): UniqueValue[];
}

/** `kind` as a member of the registry (the registry holds kinds of every content type). */
export function registered<C extends Document>(kind: RecordKind<C>): RecordKind {
  return kind as unknown as RecordKind;
}

/** The live record id of a pushed record: deterministic, so catalog entries and global ids stay stable across versions. */
export function recordIdOf(kind: Pick<RecordKind, 'idPrefix'>, organizationId: string, sourceId: string): string {
  return `${kind.idPrefix}-${organizationId}-${sourceId}`;
}

/** Kinds by name; names are unique. */
export class RecordKindRegistry {
  private readonly byName = new Map<string, RecordKind>();

  constructor(kinds: readonly RecordKind[]) {
    for (const kind of kinds) {
      if (this.byName.has(kind.name)) throw new Error(`Record kind ${kind.name} is registered twice`);
      if ([...this.byName.values()].some((k) => k.idPrefix === kind.idPrefix)) throw new Error(`Record id prefix ${kind.idPrefix} is used twice`);
      this.byName.set(kind.name, kind);
    }
  }

  /** The kind named `name`; throws for a name nobody registered (a programming error, not a client's). */
  get(name: string): RecordKind {
    const kind = this.byName.get(name);
    if (!kind) throw new Error(`No record kind named ${name}`);
    return kind;
  }

  /** Whether a kind of this name exists. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Every registered kind, in registration order. */
  all(): RecordKind[] {
    return [...this.byName.values()];
  }
}
