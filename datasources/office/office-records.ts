/** Records the office store keeps: the organizations and the documents it publishes itself. */

/** Popolo-like organization classifications used by the town. */
export type OrganizationClassification = 'DISTRICT' | 'TOWN' | 'DEPARTMENT' | 'VILLAGE';

/** An organization (Popolo Organization): district, town, department or village committee. */
export interface OrganizationRecord {
  id: string;
  name: string;
  /** Short or former names, e.g. 镇党政办. */
  otherNames: string[];
  classification: OrganizationClassification;
  parentId: string | null;
  /** Sentence on what the organization does (机构职能). */
  description: string;
}

/** Document types of the office's own publications. */
export type PublishedDocumentType = 'POLICY' | 'NOTICE' | 'NEWS' | 'PHOTO_NEWS' | 'WORK_REPORT' | 'DIRECTORY_LIST';

/** A document the office publishes itself (policy, notice, news, directory list); its text lives only here. */
export interface PublishedDocumentRecord {
  id: string;
  documentType: PublishedDocumentType;
  /** 文号, when the document has one. */
  documentNumber: string | null;
  body: string;
}
