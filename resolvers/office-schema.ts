/** The resolvers and the interface-only types of the office store's record kinds, for the schema builder. */
import { Interpretation } from '../schema/interpretation.type.js';
import { PolicyDocument } from '../schema/policy-document.type.js';
import { PowerListItem } from '../schema/power-list-item.type.js';
import { PowerList } from '../schema/power-list.type.js';
import { LandRequisitionNotice } from '../schema/land-notice.types.js';
import { PortalArticle } from '../schema/portal.types.js';
import { Broadcast } from '../schema/broadcast.types.js';
import { ReadingPoint, ReadingPointDelivery } from '../schema/reading-point.types.js';
import { BroadcastResolver, ReadingPointDeliveryResolver, ReadingPointResolver } from './broadcast.resolver.js';
import { OfficePushResolver } from './office-push.resolver.js';
import { OrganizationOfficeRecordsResolver } from './organization-office-records.resolver.js';
import { PortalArticleResolver, PortalColumnResolver } from './portal.resolver.js';
import { CompensationStandardResolver, LandCompensationResolver, LandRequisitionNoticeResolver } from './land.resolver.js';
import { AttachmentResolver, InterpretationResolver, PolicyDocumentResolver } from './policy.resolver.js';
import { PowerItemFeeResolver, PowerListItemResolver, PowerListResolver } from './power-list.resolver.js';

/** Resolver classes of the office kinds. */
export const OFFICE_RESOLVERS = [
  PolicyDocumentResolver, InterpretationResolver, AttachmentResolver, PowerListResolver, PowerListItemResolver, PowerItemFeeResolver,
  LandRequisitionNoticeResolver, CompensationStandardResolver, LandCompensationResolver,
  PortalColumnResolver, PortalArticleResolver,
  BroadcastResolver, ReadingPointResolver, ReadingPointDeliveryResolver,
  OfficePushResolver, OrganizationOfficeRecordsResolver,
] as const;

/** Types reachable only through `Disclosure` or `Node`. */
export const OFFICE_TYPES = [PolicyDocument, Interpretation, PowerList, PowerListItem, LandRequisitionNotice, PortalArticle, Broadcast, ReadingPoint, ReadingPointDelivery];
