/** Records the personnel store keeps (Popolo Person, Post, Membership with the 任免 details). */

/** A person named in an appointment or dismissal; only what the notice itself makes public. */
export interface PersonRecord {
  id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  /** Year of birth, as appointment notices state it. */
  birthYear: number;
}

/** A post (职务) in an organization. */
export interface PostRecord {
  id: string;
  label: string;
  organizationId: string;
}

/** 任职 (appoint) or 免职 (dismiss). */
export type AppointmentAction = 'APPOINT' | 'DISMISS';

/** An appointment or dismissal (人事任免) of a person to or from a post. */
export interface AppointmentRecord {
  id: string;
  action: AppointmentAction;
  personId: string;
  postId: string;
  /** The organization that decided it. */
  decidedById: string;
  /** YYYY-MM-DD. */
  effectiveDate: string;
  /** 文号 of the decision, e.g. 内委〔2015〕12号. */
  documentNumber: string;
  /** 任前公示 period (YYYY-MM-DD, inclusive), for appointments that had one. */
  publicNoticeStart: string | null;
  publicNoticeEnd: string | null;
}
