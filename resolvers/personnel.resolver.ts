/** Links of appointments, people and posts (personnel store). */
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrganizationRecord } from '../datasources/office/office-records.js';
import type { AppointmentRecord, PersonRecord, PostRecord } from '../datasources/personnel/personnel-records.js';
import type { GatewayContext } from '../src/context.js';
import { Appointment } from '../schema/appointment.type.js';
import { AppointmentConnection } from '../schema/connections.type.js';
import { Organization } from '../schema/organization.type.js';
import { PageArgs } from '../schema/page.args.js';
import { Period } from '../schema/period.type.js';
import { Person } from '../schema/person.type.js';
import { Post } from '../schema/post.type.js';
import { publishedOf, type Disclosed } from './disclosed-records.js';
import { listConnection } from './list-connection.js';

/** Sort key of appointments: effective date, then id. */
export const byEffectiveDate = (a: Disclosed<'Appointment'>) => `${a.effectiveDate}\u0000${a.id}`;

@Resolver(() => Appointment)
export class AppointmentResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The person appointed or dismissed.' })
  person(@Root() appointment: AppointmentRecord, @Ctx() context: GatewayContext): Promise<PersonRecord | null> {
    return context.loaders.person.load(appointment.personId);
  }

  @FieldResolver(() => Post, { nullable: true, description: 'The post (职务) concerned.' })
  post(@Root() appointment: AppointmentRecord, @Ctx() context: GatewayContext): Promise<PostRecord | null> {
    return context.loaders.post.load(appointment.postId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization that made the decision (任免机关).' })
  decidedBy(@Root() appointment: AppointmentRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> {
    return context.loaders.organization.load(appointment.decidedById);
  }

  @FieldResolver(() => Period, { nullable: true, description: 'The pre-appointment public notice period (任前公示期); null for dismissals and appointments without one.' })
  publicNotice(@Root() appointment: AppointmentRecord): Period | null {
    return appointment.publicNoticeStart && appointment.publicNoticeEnd
      ? { startDate: appointment.publicNoticeStart, endDate: appointment.publicNoticeEnd }
      : null;
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => AppointmentConnection, { description: 'Published appointments and dismissals of this person, oldest first.' })
  async appointments(@Root() person: PersonRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    const published = await publishedOf('Appointment', await context.loaders.appointmentsByPerson.load(person.id), context.loaders);
    return listConnection(published, byEffectiveDate, page);
  }
}

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => AppointmentConnection, { description: 'Published appointments to and dismissals from this post, oldest first.' })
  async appointments(@Root() post: PostRecord, @Args(() => PageArgs) page: PageArgs, @Ctx() context: GatewayContext) {
    const published = await publishedOf('Appointment', await context.loaders.appointmentsByPost.load(post.id), context.loaders);
    return listConnection(published, byEffectiveDate, page);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organization the post belongs to.' })
  organization(@Root() post: PostRecord, @Ctx() context: GatewayContext): Promise<OrganizationRecord | null> {
    return context.loaders.organization.load(post.organizationId);
  }
}
