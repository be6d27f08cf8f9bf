/**
 * The appointment kind (人事任免): one pushed record is one appointment or
 * dismissal, with the person and the post it names. Published as an
 * `appointments` document; the person and the post are shared documents
 * (`people`, `posts`), created or updated from the record and never removed
 * by a withdrawal (other appointments may name them).
 */
import type { ChannelCode } from '../../catalog/catalog-entry.js';
import type { AppointmentAction } from '../../personnel/personnel-records.js';
import { APPOINTMENTS, PEOPLE, POSTS } from '../../personnel/personnel-store.js';
import { catalogEntryOf } from '../catalog-projection.js';
import { FieldChecker } from '../field-checks.js';
import type { RecordKind, Validated } from '../record-kind.js';
import { channels, organizationId, referenceId, title } from './common-fields.js';

/** An appointment as pushed and stored; `organizationId` is the organization that decided it. */
export interface AppointmentContent {
  [key: string]: unknown;
  organizationId: string;
  action: AppointmentAction;
  person: { id: string; name: string; gender: 'MALE' | 'FEMALE'; birthYear: number };
  post: { id: string; label: string; organizationId: string };
  effectiveDate: string;
  documentNumber: string;
  publicNoticeStart: string | null;
  publicNoticeEnd: string | null;
  title: string;
  channels: ChannelCode[];
}

/** The appointment kind (personnel store). */
export const appointmentKind: RecordKind<AppointmentContent> = {
  name: 'Appointment',
  store: 'personnel',
  idPrefix: 'appt',

  validate(fields): Validated<AppointmentContent> {
    const check = new FieldChecker(fields);
    const decidedBy = organizationId(check, 'organizationId');
    const action = check.oneOf('action', ['APPOINT', 'DISMISS'] as const);
    const personCheck = check.object('person');
    const person = personCheck && {
      id: referenceId(personCheck, 'id'),
      name: personCheck.string('name', { maxLength: 50 }),
      gender: personCheck.oneOf('gender', ['MALE', 'FEMALE'] as const),
      birthYear: personCheck.integer('birthYear', { min: 1900, max: 2100 }),
    };
    const postCheck = check.object('post');
    const post = postCheck && { id: referenceId(postCheck, 'id'), label: postCheck.string('label', { maxLength: 100 }), organizationId: organizationId(postCheck, 'organizationId') };
    const effectiveDate = check.day('effectiveDate');
    const documentNumber = check.string('documentNumber', { maxLength: 100 });
    const noticeStart = check.day('publicNoticeStart', { optional: true });
    const noticeEnd = check.day('publicNoticeEnd', { optional: true });
    if ((noticeStart === null) !== (noticeEnd === null) && !check.issues.some((i) => i.path.startsWith('publicNotice'))) {
      check.fail(noticeStart === null ? 'publicNoticeStart' : 'publicNoticeEnd', 'is required when the other end of the 任前公示 period is given');
    }
    if (noticeStart !== null && noticeEnd !== null && noticeStart > noticeEnd) check.fail('publicNoticeEnd', `is before publicNoticeStart (${noticeStart})`);
    const verb = action === 'DISMISS' ? '免职' : '任职';
    const heading = title(check, () => `关于${person?.name ?? ''}同志${verb}的通知`);
    const published = channels(check);
    if (check.issues.length > 0) return { ok: false, issues: check.issues };
    return {
      ok: true,
      content: {
        organizationId: decidedBy!,
        action: action!,
        person: person as AppointmentContent['person'],
        post: post as AppointmentContent['post'],
        effectiveDate: effectiveDate!,
        documentNumber: documentNumber!,
        publicNoticeStart: noticeStart,
        publicNoticeEnd: noticeEnd,
        title: heading!,
        channels: published!,
      },
    };
  },

  organizationOf: (content) => content.organizationId,

  namedOrganizations: (content) => [{ path: 'post.organizationId', organizationId: content.post.organizationId }],

  project(content, { recordId, publishedAt }) {
    const { person, post } = content;
    const decision = content.action === 'APPOINT' ? `任命${person.name}同志为${post.label}` : `免去${person.name}同志${post.label}职务`;
    const notice = content.publicNoticeStart ? `任前公示期为${content.publicNoticeStart}至${content.publicNoticeEnd}。` : '';
    return {
      documents: [
        { collection: PEOPLE, document: { _id: person.id, name: person.name, gender: person.gender, birthYear: person.birthYear }, shared: true },
        { collection: POSTS, document: { _id: post.id, label: post.label, organizationId: post.organizationId }, shared: true },
        {
          collection: APPOINTMENTS,
          document: {
            _id: recordId,
            action: content.action,
            personId: person.id,
            postId: post.id,
            decidedById: content.organizationId,
            effectiveDate: content.effectiveDate,
            documentNumber: content.documentNumber,
            publicNoticeStart: content.publicNoticeStart,
            publicNoticeEnd: content.publicNoticeEnd,
          },
        },
      ],
      catalogEntry: catalogEntryOf({
        recordId,
        kind: 'Appointment',
        title: content.title,
        category: 'ORGANIZATION_PERSONNEL',
        organizationId: content.organizationId,
        publishedAt,
        year: Number(content.effectiveDate.slice(0, 4)),
        channels: content.channels,
        text: `${content.documentNumber}。${decision}。${notice}`,
      }),
    };
  },

  retract: (recordId) => [{ collection: APPOINTMENTS, filter: { _id: recordId } }],
};
