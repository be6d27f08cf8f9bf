/** Connection types of power list items. */
import { connectionType } from './connection.factory.js';
import { PowerListItem } from './power-list-item.type.js';

export const PowerListItemConnection = connectionType('PowerListItem', PowerListItem, 'power list item');
