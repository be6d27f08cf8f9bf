/** Connection types of land notices. */
import { connectionType } from './connection.factory.js';
import { LandRequisitionNotice } from './land-notice.types.js';

export const LandRequisitionNoticeConnection = connectionType('LandRequisitionNotice', LandRequisitionNotice, 'land notice');
