/** Broadcasts with the records they announced, message totals per channel (summed in the store), reading points and their deliveries. */
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { BroadcastChannel, BroadcastTotal as TotalRecord, DeliveryRecord, ReadingPointRecord, RecordRef } from '../datasources/office/broadcast-records.js';
import { BROADCAST_CHANNELS } from '../datasources/office/broadcast-records.js';
import type { GatewayContext } from '../src/context.js';
import { Broadcast, BroadcastTotal } from '../schema/broadcast.types.js';
import { Channel } from '../schema/channel.enum.js';
import { Disclosure } from '../schema/disclosure.interface.js';
import { PageArgs } from '../schema/page.args.js';
import { ReadingPointDeliveryConnection } from '../schema/reading-point-connections.type.js';
import { ReadingPoint, ReadingPointDelivery } from '../schema/reading-point.types.js';
import { badUserInput } from './bad-user-input.js';
import { disclosedById, type Disclosed } from './disclosed-records.js';
import { listConnection } from './list-connection.js';

/** The published records among `refs`, in the order given (each kind's records and catalog entries batched by the loaders). */
async function publishedRecords(refs: readonly RecordRef[], context: GatewayContext): Promise<Disclosed[]> {
  const found = await Promise.all(refs.map((ref) => disclosedById(ref.kind, ref.id, context.loaders)));
  return found.filter((d): d is Disclosed => d !== null);
}

const byDeliveryDay = (d: DeliveryRecord) => `${d.deliveredOn}\u0000${d.id}`;

@Resolver(() => Broadcast)
export class BroadcastResolver {
  @FieldResolver(() => [Disclosure], { description: 'The published records the broadcast announced, in any store, in the order announced.' })
  announced(@Root() broadcast: Disclosed<'Broadcast'>, @Ctx() context: GatewayContext): Promise<Disclosed[]> {
    return publishedRecords(broadcast.announced, context);
  }

  @Query(() => [BroadcastTotal], {
    description: 'Broadcasts and messages per channel, published in [from, to) (China-time instants), summed in the office store; channels without broadcasts are left out. The SMS platform\'s 2015 total up to the report is 19,073.',
  })
  async broadcastTotals(
    @Arg('to', () => GraphQLDateTimeISO, { nullable: true, description: 'End of the period (exclusive).' }) to: Date | undefined,
    @Arg('from', () => GraphQLDateTimeISO, { nullable: true, description: 'Start of the period (inclusive).' }) from: Date | undefined,
    @Arg('channels', () => [Channel], { nullable: true, description: 'Only these channels (SMS_PLATFORM, GOVERNMENT_BULLETIN_BOARD, VILLAGE_BULLETIN_BOARD).' }) channels: Channel[] | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<TotalRecord[]> {
    const known = BROADCAST_CHANNELS as readonly string[];
    const wrong = channels?.find((c) => !known.includes(c));
    if (wrong) throw badUserInput('channels', `No broadcasts go out on ${wrong}; broadcast channels are ${known.join(', ')}.`);
    if (from && to && to < from) throw badUserInput('to', '`to` is before `from`.');
    return context.loaders.office.stores.broadcasts.totals({
      visibleAt: context.now,
      ...(channels ? { channels: channels as BroadcastChannel[] } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
  }
}

@Resolver(() => ReadingPoint)
export class ReadingPointResolver {
  @Query(() => [ReadingPoint], { description: 'The reading points (政府信息公开查阅点: library, archives, service centre), by name.' })
  async readingPoints(@Ctx() context: GatewayContext): Promise<Array<ReadingPointRecord & { __typename: string }>> {
    const points = await context.loaders.office.stores.broadcasts.readingPoints();
    return points.map((p) => ({ ...p, __typename: 'ReadingPoint' }));
  }

  @FieldResolver(() => ReadingPointDeliveryConnection, { description: 'Deliveries of materials to this reading point, oldest first.' })
  async deliveries(@Root() point: ReadingPointRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    const deliveries = await context.loaders.office.deliveriesByReadingPoint.load(point.id);
    return listConnection(deliveries, byDeliveryDay, page);
  }
}

@Resolver(() => ReadingPointDelivery)
export class ReadingPointDeliveryResolver {
  @FieldResolver(() => ReadingPoint, { nullable: true, description: 'The reading point it went to.' })
  readingPoint(@Root() delivery: DeliveryRecord, @Ctx() context: GatewayContext): Promise<ReadingPointRecord | null> {
    return context.loaders.office.readingPoint.load(delivery.readingPointId);
  }

  @FieldResolver(() => [Disclosure], { description: 'The published records delivered, in any store.' })
  records(@Root() delivery: DeliveryRecord, @Ctx() context: GatewayContext): Promise<Disclosed[]> {
    return publishedRecords(delivery.records, context);
  }
}
