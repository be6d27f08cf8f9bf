/** The personnel store (组织人事): people, posts, appointments and dismissals, plus its catalog. */
import { CATALOG_INDEXES } from '../catalog/catalog-source.js';
import { findByKeys } from '../find-by-ids.js';
import { findByKeysThrough, type DocumentJoin, type PrefetchedDocuments } from '../prefetched-documents.js';
import type { CollectionIndexes, StoreConnection } from '../store-connection.js';
import type { AppointmentRecord, PersonRecord, PostRecord } from './personnel-records.js';

export const PEOPLE = 'people';
export const POSTS = 'posts';
export const APPOINTMENTS = 'appointments';

type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

function withId<T extends { id: string }>({ _id, ...rest }: Stored<T>): T {
  return { id: _id, ...rest } as unknown as T;
}

/** Indexes of the personnel store. */
export const PERSONNEL_INDEXES: CollectionIndexes[] = [
  CATALOG_INDEXES,
  { collection: PEOPLE, indexes: [{ key: { name: 1 }, name: 'name_1' }] },
  { collection: POSTS, indexes: [{ key: { organizationId: 1 }, name: 'organizationId_1' }] },
  {
    collection: APPOINTMENTS,
    indexes: [
      { key: { personId: 1, effectiveDate: -1 }, name: 'personId_1_effectiveDate_-1' },
      { key: { postId: 1, effectiveDate: -1 }, name: 'postId_1_effectiveDate_-1' },
      // Analysts' date ranges over every post.
      { key: { effectiveDate: 1 }, name: 'effectiveDate_1' },
    ],
  },
];

/** The records of the personnel store's kind, read with a catalog page: an appointment, its person and its post. */
export const PERSONNEL_PAGE_JOINS: readonly DocumentJoin[] = [
  { from: APPOINTMENTS, localField: '_id', foreignField: '_id', as: 'appointments' },
  { from: PEOPLE, localField: 'appointments.personId', foreignField: '_id', as: 'people' },
  { from: POSTS, localField: 'appointments.postId', foreignField: '_id', as: 'posts' },
];

/** Reads of the personnel store; each method is one query bounded by the store's timeout. */
export class PersonnelStore {
  constructor(readonly connection: StoreConnection) {}

  /** People with these ids. */
  async peopleByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<PersonRecord[]> {
    return (await findByKeysThrough<Stored<PersonRecord>>(this.connection, PEOPLE, ids, { prefetched })).map(withId<PersonRecord>);
  }

  /** Posts with these ids. */
  async postsByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<PostRecord[]> {
    return (await findByKeysThrough<Stored<PostRecord>>(this.connection, POSTS, ids, { prefetched })).map(withId<PostRecord>);
  }

  /** Appointments with these ids. */
  async appointmentsByIds(ids: readonly string[], prefetched?: PrefetchedDocuments | null): Promise<AppointmentRecord[]> {
    return (await findByKeysThrough<Stored<AppointmentRecord>>(this.connection, APPOINTMENTS, ids, { prefetched })).map(withId<AppointmentRecord>);
  }

  /** Posts of any of these organizations. */
  async postsByOrganizationIds(organizationIds: readonly string[]): Promise<PostRecord[]> {
    return (await this.connection.run((db) => findByKeys<Stored<PostRecord>>(db, POSTS, organizationIds, 'organizationId'))).map(withId<PostRecord>);
  }

  /** Every appointment to or from any of these posts. */
  async appointmentsByPostIds(postIds: readonly string[]): Promise<AppointmentRecord[]> {
    return (await this.connection.run((db) => findByKeys<Stored<AppointmentRecord>>(db, APPOINTMENTS, postIds, 'postId'))).map(withId<AppointmentRecord>);
  }

  /** Every appointment of any of these people. */
  async appointmentsByPersonIds(personIds: readonly string[]): Promise<AppointmentRecord[]> {
    return (await this.connection.run((db) => findByKeys<Stored<AppointmentRecord>>(db, APPOINTMENTS, personIds, 'personId'))).map(
      withId<AppointmentRecord>,
    );
  }
}
