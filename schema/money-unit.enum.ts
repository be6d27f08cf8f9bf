/** The unit a money amount is given in; amounts are stored in 元 and converted exactly. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum MoneyUnit {
  YUAN = 'YUAN',
  WAN_YUAN = 'WAN_YUAN',
}

registerEnumType(MoneyUnit, {
  name: 'MoneyUnit',
  description: 'Unit of a money amount. Amounts are stored in 元 (yuan) and converted exactly.',
  valuesConfig: {
    YUAN: { description: '元 (yuan), two decimals (分).' },
    WAN_YUAN: { description: '万元 (ten thousand yuan), six decimals, as budget tables print it.' },
  },
});
