/**
 * What an analytical field costs before it runs: the documents its stores
 * are estimated to read, carried on the field's extensions so the query
 * limits can count it beside page sizes.
 */

/** The extension key holding a field's estimated documents read. */
export const ESTIMATED_DOCUMENTS = 'estimatedDocuments';

/** Documents an aggregation is estimated to read in its stores (a scan of a kind's records, whatever the filter). */
export const AGGREGATION_ESTIMATED_DOCUMENTS = 10_000;

/** Documents a comparison is estimated to read (one aggregation of two years). */
export const COMPARISON_ESTIMATED_DOCUMENTS = 10_000;
