/**
 * The embedded server's reference figures: the store benchmark (`bench/store`,
 * the server as its own process, reached only through the driver) at 10k,
 * 100k and 1M small documents, plus resident memory per document beside the
 * BSON bytes per document.
 *
 *   npm run build && node dist/bench/embedded-mongo.js [10k,100k,1m]
 */
import { formatStoreTable, runStoreBench } from './store/run-store-bench.js';

/** "10k" → 10000, "1m" → 1000000. */
function parseScale(text: string): number {
  const match = /^(\d+)(k|m)?$/i.exec(text.trim());
  if (!match) throw new TypeError(`expected sizes like 10k, 100k or 1m, got "${text}"`);
  const unit = match[2]?.toLowerCase();
  return Number(match[1]) * (unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1);
}

const scales = (process.argv[2] ?? '10k,100k,1m').split(',').map(parseScale);
const rows = await runStoreBench({ scales, quick: false });
console.log(formatStoreTable(rows));
console.log('');
for (const row of rows) {
  const bsonPerDoc = row.bsonBytes / row.documents;
  const residentPerDoc = row.residentOverBson * bsonPerDoc;
  console.log(`${row.documents.toLocaleString('en-US')} docs: ${residentPerDoc.toFixed(0)} B resident per document (over an empty server) for ${bsonPerDoc.toFixed(0)} B of BSON`);
}
