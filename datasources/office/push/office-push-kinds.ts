/** The office store's kinds that department systems push (issue 7), for the push registry (`datasources/push/kinds.ts`). */
import type { RecordKind } from '../../push/record-kind.js';
import { broadcastKind } from './broadcast-push-kind.js';
import { landNoticeKind } from './land-push-kind.js';
import { interpretationKind, policyKind } from './policy-push-kinds.js';
import { portalArticleKind } from './portal-push-kind.js';
import { powerListKind } from './power-list-push-kind.js';

/** Policies, interpretations, power lists, land notices, portal items and broadcasts. */
export const OFFICE_RECORD_KINDS: readonly RecordKind[] = [
  policyKind as unknown as RecordKind,
  interpretationKind as unknown as RecordKind,
  powerListKind as unknown as RecordKind,
  landNoticeKind as unknown as RecordKind,
  portalArticleKind as unknown as RecordKind,
  broadcastKind as unknown as RecordKind,
];
