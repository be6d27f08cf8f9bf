/** The kinds of disclosed record; each value is the name of the GraphQL type that holds it. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum DisclosureKind {
  Appointment = 'Appointment',
  ThreePublicExpenseStatement = 'ThreePublicExpenseStatement',
  FundAllocation = 'FundAllocation',
  Procurement = 'Procurement',
  PublishedDocument = 'PublishedDocument',
  PolicyDocument = 'PolicyDocument',
  Interpretation = 'Interpretation',
  PowerList = 'PowerList',
  LandRequisitionNotice = 'LandRequisitionNotice',
  PortalArticle = 'PortalArticle',
  Broadcast = 'Broadcast',
}

registerEnumType(DisclosureKind, {
  name: 'DisclosureKind',
  description: 'Kind of a disclosed record, named after its GraphQL type.',
  valuesConfig: {
    Appointment: { description: '人事任免: an appointment or dismissal (personnel store).' },
    ThreePublicExpenseStatement: { description: '三公经费公开表: a 三公 expense statement (finance store).' },
    FundAllocation: { description: '下拨资金: an allocation of funds (finance store).' },
    Procurement: { description: '政府采购: a government procurement, OCDS release (procurement store).' },
    PublishedDocument: { description: '公开文件: a notice or work report of a catalog category without a record type of its own (office store).' },
    PolicyDocument: { description: '政策及规范性文件: a policy or normative document, with validity, attachments and interpretations (office store).' },
    Interpretation: { description: '政策解读: an interpretation of policies (text, graphic, video, interview, media report) (office store).' },
    PowerList: { description: '行政权力清单 / 公共服务事项清单: a published list of powers or public services, with its items (office store).' },
    LandRequisitionNotice: { description: '征地公告 / 土地房屋征收补偿公示: a land requisition or compensation notice (office store).' },
    PortalArticle: { description: '门户网站栏目信息: an item of a portal column (工作动态, 通知通告, 图片新闻) (office store).' },
    Broadcast: { description: '信息发布记录: a broadcast on the SMS platform or a bulletin board, with its message count (office store).' },
  },
});
