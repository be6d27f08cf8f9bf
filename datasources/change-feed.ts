/**
 * What changed in the published data, announced inside this gateway process
 * after the write is durable: caches of public reads (the response cache)
 * listen and drop exactly the entries that hold a changed record. Only
 * publication-visible changes are announced (approval, direct publication,
 * withdrawal); drafts and reviews of unpublished versions are not.
 */

/** One published change: the store written, the ids of the records (and catalog entries) whose public content changed. */
export interface PublishedChange {
  store: string;
  /** Record ids as stored (`_id` of the record and of its catalog entry). */
  recordIds: readonly string[];
  /** Organizations whose catalogs gained, changed or lost entries (list pages and counts that may differ now). */
  organizationIds: readonly string[];
  /** Disclosure kinds (e.g. `FundAllocation`) whose records or catalog entries changed (aggregations of them may differ now); empty when none did, as for an application or an annual report. */
  kinds: readonly string[];
  /**
   * The search terms of every changed catalog entry, as it was and as it is
   * (a search can have gained or lost only a record whose terms hold all of
   * its query's); empty when no catalog entry changed.
   */
  searchTerms: ReadonlyArray<readonly string[]>;
}

export type ChangeListener = (change: PublishedChange) => void;

/** A synchronous in-process announcement list; a listener that throws does not stop the others. */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  /** Registers `listener`; the returned function unregisters it. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener about `change`. */
  publish(change: PublishedChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A cache that fails to invalidate must not fail the write that already happened; it logs on its own side.
      }
    }
  }
}
