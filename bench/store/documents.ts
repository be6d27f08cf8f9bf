import { Decimal128, ObjectId, type Document } from 'bson';
import { pick, seededRandom } from '../lib/random.js';

const items = ['因公出国(境)费', '公务用车购置费', '公务用车运行维护费', '公务接待费'] as const;

/**
 * Small expense-like documents (about 150 bytes of BSON each): an ObjectId,
 * a unique reference string for the secondary index, an organization code
 * with a skewed distribution, an exact amount and a date. Deterministic.
 */
export function* expenseDocuments(count: number, seed = 2015): Generator<Document> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    // Squaring skews the organizations: a few large ones, many small ones.
    const org = Math.floor(random() ** 2 * 500);
    const cents = Math.floor(random() * 10_000_000);
    yield {
      _id: new ObjectId(),
      ref: `R${String(i).padStart(9, '0')}`,
      org: `org-${org}`,
      item: pick(random, items),
      amount: Decimal128.fromString(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`),
      year: 2015,
      month: 1 + (i % 12),
      at: new Date(Date.UTC(2015, i % 12, 1 + (i % 28))),
    };
  }
}
