/** Push kind of broadcasts (Broadcast), published into the office store's `broadcasts`. */
import { catalogEntryOf } from '../../push/catalog-projection.js';
import { FieldChecker } from '../../push/field-checks.js';
import { organizationId } from '../../push/kinds/common-fields.js';
import type { RecordKind, Validated } from '../../push/record-kind.js';
import { BROADCAST_CHANNELS, type BroadcastChannel, type RecordRef } from '../broadcast-records.js';
import { BROADCASTS } from '../broadcast-store.js';
import { chinaYear, instant, recordRefs } from './office-push-fields.js';

/** A broadcast as pushed and stored. */
export interface BroadcastContent {
  [key: string]: unknown;
  organizationId: string;
  title: string;
  channel: BroadcastChannel;
  sentAt: Date;
  messageCount: number;
  content: string;
  announced: RecordRef[];
}

const CHANNEL_NAMES: Record<BroadcastChannel, string> = { SMS_PLATFORM: '短信平台', GOVERNMENT_BULLETIN_BOARD: '镇政务公开栏', VILLAGE_BULLETIN_BOARD: '村务公开栏' };

/** The broadcast kind: the SMS platform or a board reports what it sent, to how many, announcing which records. */
export const broadcastKind: RecordKind<BroadcastContent> = {
  name: 'Broadcast',
  store: 'office',
  idPrefix: 'bc',

  validate(fields): Validated<BroadcastContent> {
    const check = new FieldChecker(fields);
    const owner = organizationId(check, 'organizationId');
    const channel = check.oneOf('channel', BROADCAST_CHANNELS);
    const sentAt = instant(check, fields, 'sentAt');
    const messageCount = check.integer('messageCount', { min: 1, max: 10_000_000 });
    const content = check.string('content', { maxLength: 2_000 });
    const announced = recordRefs(check, 'announced');
    const heading = check.string('title', { optional: true, maxLength: 200 }) ?? (channel && content ? `${CHANNEL_NAMES[channel]}：${content.slice(0, 40)}` : null);
    if (check.issues.length > 0) return { ok: false, issues: check.issues };
    return { ok: true, content: { organizationId: owner!, title: heading!, channel: channel!, sentAt: sentAt!, messageCount: messageCount!, content: content!, announced: announced ?? [] } };
  },

  organizationOf: (content) => content.organizationId,

  project(content, { recordId, publishedAt }) {
    const { organizationId: owner, title: heading, ...broadcast } = content;
    return {
      documents: [{ collection: BROADCASTS, document: { _id: recordId, ...broadcast } }],
      catalogEntry: catalogEntryOf({ recordId, kind: 'Broadcast', title: heading, category: 'BROADCASTS', organizationId: owner, publishedAt, year: chinaYear(broadcast.sentAt), channels: [broadcast.channel], text: broadcast.content }),
    };
  },

  retract: (recordId) => [{ collection: BROADCASTS, filter: { _id: recordId } }],
};
