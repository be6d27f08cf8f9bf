/** OCDS procurement methods. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum ProcurementMethod {
  open = 'open',
  selective = 'selective',
  limited = 'limited',
  direct = 'direct',
}

registerEnumType(ProcurementMethod, {
  name: 'ProcurementMethod',
  description: 'OCDS procurementMethod code; `procurementMethodDetails` gives the method as 政府采购法 names it.',
  valuesConfig: {
    open: { description: 'Open: 公开招标.' },
    selective: { description: 'Selective: 邀请招标, 竞争性谈判, 竞争性磋商.' },
    limited: { description: 'Limited: 询价.' },
    direct: { description: 'Direct: 单一来源.' },
  },
});
