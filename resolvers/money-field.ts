/** The shared `unit` argument of money fields. */
import { MoneyUnit } from '../schema/money-unit.enum.js';

/** Options of the `unit` argument: 元 unless asked otherwise. */
export const UNIT_ARG = { defaultValue: MoneyUnit.YUAN, description: 'Unit of the returned amount: YUAN (元, default) or WAN_YUAN (万元); conversion is exact.' } as const;

/** Description of an amount field. */
export const AMOUNT_DESCRIPTION = 'Amount as an exact decimal string in the unit asked for (stored in 元).';
