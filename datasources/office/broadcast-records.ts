/** Broadcasts (SMS platform, bulletin boards), reading points (查阅点) and the materials delivered to them. */
import type { DisclosureKind } from '../catalog/catalog-entry.js';

/** Channels a broadcast goes out on. */
export const BROADCAST_CHANNELS = ['SMS_PLATFORM', 'GOVERNMENT_BULLETIN_BOARD', 'VILLAGE_BULLETIN_BOARD'] as const;
export type BroadcastChannel = (typeof BROADCAST_CHANNELS)[number];

/** A disclosed record named by its kind and record id (the kind says which store holds it). */
export interface RecordRef {
  kind: DisclosureKind;
  id: string;
}

/** One broadcast: a message sent on a channel, announcing records. */
export interface BroadcastRecord {
  id: string;
  channel: BroadcastChannel;
  /** When it was sent. */
  sentAt: Date;
  /** Messages sent (SMS: one per recipient) or notices posted (boards: one per board). */
  messageCount: number;
  /** The text sent. */
  content: string;
  /** The records it announced. */
  announced: RecordRef[];
}

/** Message counts of one channel. */
export interface BroadcastTotal {
  channel: BroadcastChannel;
  broadcasts: number;
  messages: number;
}

/** Kinds of reading point. */
export type ReadingPointType = 'LIBRARY' | 'ARCHIVES' | 'SERVICE_CENTER';

/** A reading point (政府信息公开查阅点). */
export interface ReadingPointRecord {
  id: string;
  name: string;
  type: ReadingPointType;
  address: string;
  /** Opening hours as the point announces them. */
  openingHours: string;
  phone: string | null;
}

/** A delivery of materials to a reading point (送达). */
export interface DeliveryRecord {
  id: string;
  readingPointId: string;
  deliveredOn: string;
  /** What was delivered, in words. */
  description: string;
  copies: number;
  /** The disclosed records delivered. */
  records: RecordRef[];
}
