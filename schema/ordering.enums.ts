/** Sort fields and directions of listings. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: { ASC: { description: 'Ascending (oldest or smallest first).' }, DESC: { description: 'Descending (newest or largest first).' } },
});

export enum DisclosureOrderField {
  PUBLISHED_AT = 'PUBLISHED_AT',
  INDEX_NUMBER = 'INDEX_NUMBER',
}

registerEnumType(DisclosureOrderField, {
  name: 'DisclosureOrderField',
  description: 'Field the catalog is sorted by; ties are broken by record id in the same direction.',
  valuesConfig: {
    PUBLISHED_AT: { description: 'Publication time (发布时间).' },
    INDEX_NUMBER: { description: 'Index number (索引号).' },
  },
});
