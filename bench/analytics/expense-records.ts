/** Deterministic 三公 expense lines for the analytics benchmark: many organizations, three years, monthly lines of every item, amounts in 分. */
import { Decimal128, type Document } from 'mongodb';

const ITEMS = ['OVERSEAS_TRAVEL', 'VEHICLE_PURCHASE', 'VEHICLE_OPERATION', 'OFFICIAL_RECEPTION'] as const;

/** Number of organizations the lines are spread over. */
export const BENCH_ORGANIZATIONS = 200;

/** Expense line number `i` of the data set (the same for the same `i` on every run). */
export function expenseLine(i: number): Document {
  const organization = i % BENCH_ORGANIZATIONS;
  const year = 2014 + (Math.floor(i / BENCH_ORGANIZATIONS) % 3);
  const month = 1 + (Math.floor(i / (BENCH_ORGANIZATIONS * 3)) % 12);
  const item = ITEMS[Math.floor(i / (BENCH_ORGANIZATIONS * 36)) % 4]!;
  const phase = i % 7 === 0 ? 'BUDGET' : 'FINAL';
  // A fixed pseudo-random amount in 分, from 0.01 to 99,999.99 元.
  const fen = ((i * 2654435761) % 9_999_999) + 1;
  return {
    _id: `bx-${i}`,
    statementId: `bs-${organization}-${phase}-${year}-${month}`,
    organizationId: `bench-org-${organization}`,
    phase,
    year,
    month,
    item,
    amount: Decimal128.fromString(`${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`),
    groups: item === 'OVERSEAS_TRAVEL' ? i % 3 : null,
    travellers: item === 'OVERSEAS_TRAVEL' ? i % 9 : null,
    vehiclesPurchased: item === 'VEHICLE_PURCHASE' ? i % 2 : null,
    vehiclesHeld: item === 'VEHICLE_PURCHASE' || item === 'VEHICLE_OPERATION' ? 3 + (i % 5) : null,
    receptions: item === 'OFFICIAL_RECEPTION' ? 1 + (i % 4) : null,
    guests: item === 'OFFICIAL_RECEPTION' ? 2 + (i % 11) : null,
  };
}

/** Batches of `size` lines, `count` lines in all. */
export function* expenseBatches(count: number, size = 10_000): Generator<Document[]> {
  for (let start = 0; start < count; start += size) {
    const end = Math.min(count, start + size);
    const batch: Document[] = [];
    for (let i = start; i < end; i++) batch.push(expenseLine(i));
    yield batch;
  }
}
