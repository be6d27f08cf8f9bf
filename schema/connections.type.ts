/** The connection types of every list in the graph. */
import { connectionType } from './connection.factory.js';
import { Appointment } from './appointment.type.js';
import { Disclosure } from './disclosure.interface.js';
import { Organization } from './organization.type.js';
import { Procurement } from './procurement.type.js';

export const DisclosureConnection = connectionType('Disclosure', Disclosure, 'disclosed record');
export const OrganizationConnection = connectionType('Organization', Organization, 'organization');
export const AppointmentConnection = connectionType('Appointment', Appointment, 'appointment');
export const ProcurementConnection = connectionType('Procurement', Procurement, 'procurement');
