/** Levels of the town's organization hierarchy (Popolo `classification`). */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum OrganizationClassification {
  DISTRICT = 'DISTRICT',
  TOWN = 'TOWN',
  DEPARTMENT = 'DEPARTMENT',
  VILLAGE = 'VILLAGE',
}

registerEnumType(OrganizationClassification, {
  name: 'OrganizationClassification',
  description: 'Level of an organization in the hierarchy district → town → departments and villages.',
  valuesConfig: {
    DISTRICT: { description: '区: a district government (翔安区).' },
    TOWN: { description: '镇: a town government (内厝镇).' },
    DEPARTMENT: { description: '镇属部门: a department of the town government.' },
    VILLAGE: { description: '村(居)委会: a village committee.' },
  },
});
