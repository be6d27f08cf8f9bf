/** Policies and normative documents (政策及规范性文件), their attachments, and their interpretations (政策解读), as the office store keeps them. */

/** Validity of a policy (效力状态). */
export type PolicyValidity = 'IN_FORCE' | 'AMENDED' | 'REPEALED';

/** A file attached to a policy; its bytes are kept apart (collection `attachmentFiles`) and served by the gateway's download route. */
export interface AttachmentRecord {
  id: string;
  /** File name as published, e.g. 附件1：补偿标准表.pdf. */
  name: string;
  /** IANA media type, e.g. application/pdf. */
  mediaType: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
}

/** A policy or normative document (政策文件 / 行政规范性文件). */
export interface PolicyRecord {
  id: string;
  /** 文号, when it has one. */
  documentNumber: string | null;
  /** The organization that issued it (发文机关). */
  issuingOrganizationId: string;
  /** Day of issue (成文日期), YYYY-MM-DD. */
  issuedOn: string;
  /** Day it takes effect (施行日期), when stated. */
  effectiveOn: string | null;
  validity: PolicyValidity;
  /** A normative document (行政规范性文件) must be interpreted within 3 working days of its publication. */
  normative: boolean;
  /** The documents that amend or replace this one (the next links of its replacement chain). */
  replacedByIds: string[];
  body: string;
  attachments: AttachmentRecord[];
}

/** Forms of interpretation (解读形式) the portal offers. */
export type InterpretationForm = 'TEXT' | 'GRAPHIC' | 'VIDEO' | 'INTERVIEW' | 'MEDIA_REPORT';

/** An interpretation of one or more policies (文字/图片/视频/访谈解读, 媒体报道). */
export interface InterpretationRecord {
  id: string;
  form: InterpretationForm;
  /** The policies it explains. */
  policyIds: string[];
  body: string;
  /** Where the video, graphic or report is, when it is not text. */
  mediaUrl: string | null;
  /** The outlet of a media report (媒体名称). */
  mediaOutlet: string | null;
}
