/**
 * Applications (依申请公开) in the office store, collection `applications`:
 * one document per application holding its state, its whole history, the
 * answer and any reviews, so that every step is one guarded single-document
 * update (state and history change together or not at all). The applicant's
 * identity and the secret's digest never leave this file except in office
 * views (`OfficeApplicationRecord`).
 */
import { MongoServerError, type Db } from 'mongodb';
import { officialCalendar } from '../calendar/official-calendar.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { chinaDate, type LocalDate } from '../calendar/local-date.js';
import { ORGANIZATIONS } from '../office/office-store.js';
import type { CollectionIndexes, StoreConnection } from '../store-connection.js';
import { ApplicationError } from './application-errors.js';
import type { ApplicationRecord, ApplicationState, HistoryEntry, OfficeApplicationRecord } from './application-records.js';
import { applyStep, type StepRequest } from './application-workflow.js';
import { checkDescription, checkFiling, type FilingInput } from './filing-input.js';
import { isTrackingNumber, newSecret, newTrackingNumber, secretDigest, secretMatches, UNMATCHABLE_DIGEST } from './tracking-secret.js';

export const APPLICATIONS = 'applications';

/** An application as stored. */
export interface ApplicationDoc extends Omit<OfficeApplicationRecord, 'id'> {
  _id: string;
  secretHash: string;
  filedAt: Date;
}

/** Indexes of the applications collection (added to the office store's list). */
export const APPLICATION_INDEXES: CollectionIndexes = {
  collection: APPLICATIONS,
  indexes: [
    { key: { trackingNumber: 1 }, name: 'trackingNumber_1', unique: true },
    { key: { organizationId: 1, state: 1 }, name: 'organizationId_1_state_1' },
    { key: { organizationId: 1, receivedOn: 1 }, name: 'organizationId_1_receivedOn_1' },
  ],
};

/** Fields never read outside office views. */
const WITHOUT_PERSONAL = { applicant: 0, secretHash: 0 } as const;
const NOT_FOUND_MESSAGE = 'No application with this tracking number and secret';
const MAX_ATTEMPTS = 5;

function toOffice({ _id, secretHash: _secret, filedAt: _filed, ...rest }: ApplicationDoc): OfficeApplicationRecord {
  return { id: _id, ...rest };
}

function toPublic(doc: Omit<ApplicationDoc, 'applicant' | 'secretHash'> & { applicant?: unknown; secretHash?: unknown }): ApplicationRecord {
  const { _id, filedAt: _filed, applicant: _applicant, secretHash: _secret, ...rest } = doc;
  return { id: _id, ...rest };
}

/** Who acts and when, for the history. */
export interface Actor {
  /** Principal id of the staff member or system, or `applicant`. */
  by: string;
  now: Date;
}

/** Reads and writes of applications; every call goes through the office store's connection and timeout. */
export class ApplicationStore {
  constructor(
    readonly connection: StoreConnection,
    private readonly calendar: HolidayCalendar = officialCalendar(),
  ) {}

  /**
   * Registers a filing received now (China date of `actor.now`) for an
   * organization that exists; returns the application (without the
   * applicant) and the secret, which is stored only as its digest.
   */
  async file(input: FilingInput, actor: Actor): Promise<{ application: ApplicationRecord; secret: string }> {
    const filing = checkFiling(input);
    // The receipt date is certain even when the calendar lacks a year the due date falls in: the filing is kept, and only its clock reports the missing year.
    const receivedOn = chinaDate(actor.now);
    const secret = newSecret();
    return this.connection.run(async (db) => {
      const organization = await db.collection(ORGANIZATIONS).findOne({ _id: filing.organizationId as never }, { projection: { _id: 1 } });
      if (!organization) throw new ApplicationError('BAD_USER_INPUT', 'No organization with this id', { argumentName: 'input.organizationId' });
      for (let attempt = 1; ; attempt += 1) {
        const trackingNumber = newTrackingNumber(receivedOn);
        const doc: ApplicationDoc = {
          _id: `application-${trackingNumber}`,
          trackingNumber,
          secretHash: secretDigest(secret),
          filedAt: actor.now,
          organizationId: filing.organizationId,
          applicantType: filing.applicantType,
          applicant: filing.applicant,
          description: filing.description,
          deliveryForm: filing.deliveryForm,
          receivedOn,
          state: 'REGISTERED',
          history: [{ seq: 1, action: 'FILE', fromState: null, toState: 'REGISTERED', on: receivedOn, recordedAt: actor.now, by: actor.by, reason: null }],
          answer: null,
          reviews: [],
          version: 1,
        };
        try {
          await db.collection<ApplicationDoc>(APPLICATIONS).insertOne(doc, { writeConcern: { w: 'majority' } });
          return { application: toPublic(doc), secret };
        } catch (error) {
          // Six random characters per day: a collision is rare, and a new number settles it.
          if (error instanceof MongoServerError && error.code === 11000 && attempt < MAX_ATTEMPTS) continue;
          throw error;
        }
      }
    });
  }

  /** The application, for its applicant: throws APPLICATION_NOT_FOUND alike for an unknown number and a wrong secret. */
  async forApplicant(trackingNumber: string, secret: string): Promise<ApplicationRecord> {
    const doc = isTrackingNumber(trackingNumber)
      ? await this.connection.run((db) => db.collection<ApplicationDoc>(APPLICATIONS).findOne({ trackingNumber }, { projection: { applicant: 0 } }))
      : null;
    // Compared even when there is no application, so that timing tells nothing either.
    const matches = secretMatches(secret, doc?.secretHash ?? UNMATCHABLE_DIGEST);
    if (!doc || !matches) throw new ApplicationError('APPLICATION_NOT_FOUND', NOT_FOUND_MESSAGE);
    return toPublic(doc);
  }

  /** The application with its applicant, for office staff; null when there is none. */
  async forOffice(trackingNumber: string): Promise<OfficeApplicationRecord | null> {
    if (!isTrackingNumber(trackingNumber)) return null;
    const doc = await this.connection.run((db) => db.collection<ApplicationDoc>(APPLICATIONS).findOne({ trackingNumber }));
    return doc ? toOffice(doc) : null;
  }

  /** Applications addressed to these organizations (every one when null), optionally in these states, newest receipt first. */
  async list(filter: { organizationIds: readonly string[] | null; states?: readonly ApplicationState[] }): Promise<OfficeApplicationRecord[]> {
    const query: Record<string, unknown> = {};
    if (filter.organizationIds) query.organizationId = { $in: [...filter.organizationIds] };
    if (filter.states) query.state = { $in: [...filter.states] };
    const docs = await this.connection.run((db) =>
      db.collection<ApplicationDoc>(APPLICATIONS).find(query, { sort: { receivedOn: -1, _id: 1 }, batchSize: 10_000 }).toArray(),
    );
    return docs.map(toOffice);
  }

  /** Applications of these organizations received on or before `until`, without applicants (for the annual report). */
  async receivedUntil(organizationIds: readonly string[], until: LocalDate): Promise<ApplicationRecord[]> {
    const docs = await this.connection.run((db) =>
      db
        .collection<ApplicationDoc>(APPLICATIONS)
        .find({ organizationId: { $in: [...organizationIds] }, receivedOn: { $lte: until } }, { projection: WITHOUT_PERSONAL, sort: { receivedOn: 1, _id: 1 }, batchSize: 10_000 })
        .toArray(),
    );
    return docs.map((doc) => toPublic(doc));
  }

  /**
   * Applies an office step to the application `trackingNumber` (and, with
   * `onlyIn`, only if it is addressed to one of those organizations):
   * state, history entry, answer and reviews in one update guarded by the
   * version read, re-read and re-checked when someone else wrote first.
   */
  async step(trackingNumber: string, request: StepRequest, actor: Actor, onlyIn: readonly string[] | null = null): Promise<OfficeApplicationRecord> {
    return this.guardedStep(trackingNumber, request, actor, (doc) => {
      if (!doc || (onlyIn !== null && !onlyIn.includes(doc.organizationId))) {
        throw new ApplicationError('APPLICATION_NOT_FOUND', 'No application with this tracking number in the organizations you handle');
      }
    }).then(toOffice);
  }

  /** The applicant withdraws (撤回) their application, proving it with the secret. */
  async withdrawByApplicant(trackingNumber: string, secret: string, reason: string | null, now: Date): Promise<ApplicationRecord> {
    const request: StepRequest = { action: 'WITHDRAW', on: chinaDate(now), reason: reason ?? '申请人撤回申请' };
    const doc = await this.guardedStep(trackingNumber, request, { by: 'applicant', now }, (found) => {
      const matches = secretMatches(secret, found?.secretHash ?? UNMATCHABLE_DIGEST);
      if (!found || !matches) throw new ApplicationError('APPLICATION_NOT_FOUND', NOT_FOUND_MESSAGE);
    });
    return toPublic(doc);
  }

  /**
   * The applicant sends the corrected application online (补正), proving it
   * with the secret: the description is replaced (the previous one stays in
   * the history entry) and the answer period starts again today.
   */
  async correctByApplicant(trackingNumber: string, secret: string, description: string, now: Date): Promise<ApplicationRecord> {
    const corrected = checkDescription(description, 'description');
    const request: StepRequest = { action: 'RECEIVE_CORRECTION', on: chinaDate(now), reason: '申请人在线补正' };
    const admit = (found: ApplicationDoc | null) => {
      const matches = secretMatches(secret, found?.secretHash ?? UNMATCHABLE_DIGEST);
      if (!found || !matches) throw new ApplicationError('APPLICATION_NOT_FOUND', NOT_FOUND_MESSAGE);
    };
    const doc = await this.guardedStep(trackingNumber, request, { by: 'applicant', now }, admit, (current, entry) => {
      entry.previousDescription = current.description;
      return { description: corrected };
    });
    return toPublic(doc);
  }

  private async guardedStep(
    trackingNumber: string,
    request: StepRequest,
    actor: Actor,
    admit: (doc: ApplicationDoc | null) => void,
    alsoSet: (current: ApplicationDoc, entry: HistoryEntry) => Partial<ApplicationDoc> = () => ({}),
  ): Promise<ApplicationDoc> {
    if (!isTrackingNumber(trackingNumber)) admit(null);
    const today = chinaDate(actor.now);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const written = await this.connection.run(async (db: Db) => {
        const collection = db.collection<ApplicationDoc>(APPLICATIONS);
        const doc = await collection.findOne({ trackingNumber });
        admit(doc);
        const current = doc!;
        const outcome = applyStep(this.calendar, toOffice(current), request, { by: actor.by, today, recordedAt: actor.now });
        const set: Partial<ApplicationDoc> = { ...alsoSet(current, outcome.entry), state: outcome.state };
        if (outcome.answer) set.answer = outcome.answer;
        if (outcome.reviews) set.reviews = outcome.reviews;
        const result = await collection.findOneAndUpdate(
          { _id: current._id, version: current.version },
          { $set: set, $push: { history: outcome.entry }, $inc: { version: 1 } },
          { returnDocument: 'after', writeConcern: { w: 'majority' } },
        );
        return result;
      });
      if (written) return written;
    }
    throw new ApplicationError('CONCURRENT_UPDATE', 'The application kept changing while this step was applied; try again');
  }
}
