/** The page type of application lists for the office. */
import { connectionType } from './connection.factory.js';
import { InformationApplication } from './application.type.js';

export const InformationApplicationConnection = connectionType('InformationApplication', InformationApplication, 'application');
