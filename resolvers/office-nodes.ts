/** `node(id)` for the office store's record kinds of issue 7 and the objects they hold. */
import type { Loaders } from '../datasources/loaders.js';
import { disclosedById } from './disclosed-records.js';
import { OFFICE_KIND_STORES, type OfficeKind } from './office-disclosed-kinds.js';

function tagged(type: string, record: object | null): object | null {
  return record ? { ...record, __typename: type } : null;
}

function isOfficeKind(type: string): type is OfficeKind {
  return Object.hasOwn(OFFICE_KIND_STORES, type);
}

/** The object of an office type with record id `id` (null when there is none or it is not published), or undefined when `type` is not an office type. */
export async function resolveOfficeNode(type: string, id: string, loaders: Loaders): Promise<object | null | undefined> {
  if (isOfficeKind(type)) return disclosedById(type, id, loaders);
  switch (type) {
    case 'PowerListItem': {
      // An item is public once its list is.
      const item = await loaders.office.powerListItem.load(id);
      return item && (await disclosedById('PowerList', item.listId, loaders)) ? { ...item, __typename: type } : null;
    }
    case 'ReadingPoint':
      return tagged(type, await loaders.office.readingPoint.load(id));
    case 'ReadingPointDelivery':
      return tagged(type, await loaders.office.delivery.load(id));
    default:
      return undefined;
  }
}
