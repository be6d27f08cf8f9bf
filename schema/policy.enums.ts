/** Enums of policies and their interpretations. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum PolicyValidity {
  IN_FORCE = 'IN_FORCE',
  AMENDED = 'AMENDED',
  REPEALED = 'REPEALED',
}

registerEnumType(PolicyValidity, {
  name: 'PolicyValidity',
  description: 'Validity of a policy (效力状态).',
  valuesConfig: {
    IN_FORCE: { description: '现行有效: in force.' },
    AMENDED: { description: '已修改: amended; `replacedBy` names the amending documents.' },
    REPEALED: { description: '已废止: repealed; `replacedBy` names the documents that replace it, if any.' },
  },
});
