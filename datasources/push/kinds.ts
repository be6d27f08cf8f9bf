/**
 * Every record kind departments push. A new kind is one `RecordKind`
 * object (see `record-kind.ts`) added to this list.
 */
import { appointmentKind } from './kinds/appointment-kind.js';
import { fundAllocationKind } from './kinds/fund-allocation-kind.js';
import { procurementKind } from './kinds/procurement-kind.js';
import { threePublicStatementKind } from './kinds/three-public-kind.js';
import { RecordKindRegistry, registered, type RecordKind } from './record-kind.js';
import { OFFICE_RECORD_KINDS } from '../office/push/office-push-kinds.js';

/** The kinds of every store: finance, procurement and personnel here, the office kinds from `datasources/office/push/`. */
export const RECORD_KINDS: readonly RecordKind[] = [
  registered(threePublicStatementKind),
  registered(fundAllocationKind),
  registered(procurementKind),
  registered(appointmentKind),
  ...OFFICE_RECORD_KINDS,
];

/** The registry of every kind. */
export const recordKinds = new RecordKindRegistry(RECORD_KINDS);
