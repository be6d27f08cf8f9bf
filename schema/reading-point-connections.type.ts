/** Connection types of reading point deliveries. */
import { connectionType } from './connection.factory.js';
import { ReadingPointDelivery } from './reading-point.types.js';

export const ReadingPointDeliveryConnection = connectionType('ReadingPointDelivery', ReadingPointDelivery, 'delivery to a reading point');
