/** Kinds of power list items (权力类型). */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum PowerKind {
  ADMINISTRATIVE_APPROVAL = 'ADMINISTRATIVE_APPROVAL',
  ADMINISTRATIVE_PUNISHMENT = 'ADMINISTRATIVE_PUNISHMENT',
  ADMINISTRATIVE_COERCION = 'ADMINISTRATIVE_COERCION',
  ADMINISTRATIVE_LEVY = 'ADMINISTRATIVE_LEVY',
  ADMINISTRATIVE_PAYMENT = 'ADMINISTRATIVE_PAYMENT',
  ADMINISTRATIVE_INSPECTION = 'ADMINISTRATIVE_INSPECTION',
  ADMINISTRATIVE_CONFIRMATION = 'ADMINISTRATIVE_CONFIRMATION',
  ADMINISTRATIVE_REWARD = 'ADMINISTRATIVE_REWARD',
  ADMINISTRATIVE_ADJUDICATION = 'ADMINISTRATIVE_ADJUDICATION',
  OTHER_POWER = 'OTHER_POWER',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
}

registerEnumType(PowerKind, {
  name: 'PowerKind',
  description: 'Kind of an item of the administrative power list (行政权力清单, 权力类型), or a public service (公共服务事项).',
  valuesConfig: {
    ADMINISTRATIVE_APPROVAL: { description: '行政许可/审批: administrative licensing and approval.' },
    ADMINISTRATIVE_PUNISHMENT: { description: '行政处罚: administrative punishment.' },
    ADMINISTRATIVE_COERCION: { description: '行政强制: administrative coercion.' },
    ADMINISTRATIVE_LEVY: { description: '行政征收: administrative levy.' },
    ADMINISTRATIVE_PAYMENT: { description: '行政给付: administrative payment (benefits).' },
    ADMINISTRATIVE_INSPECTION: { description: '行政检查: administrative inspection.' },
    ADMINISTRATIVE_CONFIRMATION: { description: '行政确认: administrative confirmation.' },
    ADMINISTRATIVE_REWARD: { description: '行政奖励: administrative reward.' },
    ADMINISTRATIVE_ADJUDICATION: { description: '行政裁决: administrative adjudication.' },
    OTHER_POWER: { description: '其他行政权力: other administrative powers.' },
    PUBLIC_SERVICE: { description: '公共服务: a public service item (公共服务事项清单).' },
  },
});
