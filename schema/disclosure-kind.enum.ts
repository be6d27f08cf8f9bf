/** The kinds of disclosed record; each value is the name of the GraphQL type that holds it. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum DisclosureKind {
  Appointment = 'Appointment',
  ThreePublicExpenseStatement = 'ThreePublicExpenseStatement',
  FundAllocation = 'FundAllocation',
  Procurement = 'Procurement',
  PublishedDocument = 'PublishedDocument',
}

registerEnumType(DisclosureKind, {
  name: 'DisclosureKind',
  description: 'Kind of a disclosed record, named after its GraphQL type.',
  valuesConfig: {
    Appointment: { description: '人事任免: an appointment or dismissal (personnel store).' },
    ThreePublicExpenseStatement: { description: '三公经费公开表: a 三公 expense statement (finance store).' },
    FundAllocation: { description: '下拨资金: an allocation of funds (finance store).' },
    Procurement: { description: '政府采购: a government procurement, OCDS release (procurement store).' },
    PublishedDocument: { description: '公开文件: a policy, notice, news item or directory list (office store).' },
  },
});
