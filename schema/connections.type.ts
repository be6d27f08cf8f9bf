/** The connection types of every list in the graph. */
import { connectionType } from './connection.factory.js';
import { Appointment } from './appointment.type.js';
import { Disclosure } from './disclosure.interface.js';
import { FundAllocation } from './fund-allocation.type.js';
import { Organization } from './organization.type.js';
import { Procurement } from './procurement.type.js';
import { ThreePublicExpenseStatement } from './three-public-expense-statement.type.js';

export const DisclosureConnection = connectionType('Disclosure', Disclosure, 'disclosed record', { federated: true });
export const OrganizationConnection = connectionType('Organization', Organization, 'organization');
export const AppointmentConnection = connectionType('Appointment', Appointment, 'appointment');
export const ProcurementConnection = connectionType('Procurement', Procurement, 'procurement');
export const ThreePublicExpenseStatementConnection = connectionType('ThreePublicExpenseStatement', ThreePublicExpenseStatement, '三公 statement');
export const FundAllocationConnection = connectionType('FundAllocation', FundAllocation, 'fund allocation');
