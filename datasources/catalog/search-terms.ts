/**
 * Chinese text search without a tokenizer: a text is indexed by its
 * unigrams and bigrams, and a query needs all of its own n-grams (an
 * equality `$and` any MongoDB serves from a multikey index) before it is
 * verified as a true substring. Works the same on the embedded server and on
 * real MongoDB, which does not tokenize Chinese in `$text`.
 */

/** Canonical form for indexing and matching: NFKC (full-width → half-width), lower case, runs of whitespace → one space. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

// Punctuation and spaces split a text into runs; n-grams never span a run boundary.
const SEPARATORS = /[\s\p{P}\p{S}]+/u;

function runs(normalized: string): string[][] {
  return normalized
    .split(SEPARATORS)
    .filter((run) => run.length > 0)
    .map((run) => Array.from(run));
}

/** Every unigram and bigram of the texts' runs, deduplicated, for a catalog entry's `searchTerms`. */
export function indexTerms(...texts: string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const chars of runs(normalizeText(text))) {
      for (let i = 0; i < chars.length; i++) {
        terms.add(chars[i]!);
        if (i + 1 < chars.length) terms.add(chars[i]! + chars[i + 1]!);
      }
    }
  }
  return [...terms];
}

/** The n-grams a text containing `query` must have: each run's bigrams, or the run itself when it is one character. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const chars of runs(normalizeText(query))) {
    if (chars.length === 1) terms.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
  }
  return [...terms];
}

/** `text` as a regular expression source matching it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}
