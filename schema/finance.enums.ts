/** Enumerations of the finance records: budget phase and 三公 items. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum BudgetPhase {
  BUDGET = 'BUDGET',
  FINAL = 'FINAL',
}

registerEnumType(BudgetPhase, {
  name: 'BudgetPhase',
  description: 'Phase of a budget figure (Fiscal Data Package phase).',
  valuesConfig: {
    BUDGET: { description: '预算: approved budget.' },
    FINAL: { description: '决算: final accounts, executed.' },
  },
});

export enum ThreePublicItem {
  OVERSEAS_TRAVEL = 'OVERSEAS_TRAVEL',
  VEHICLE_PURCHASE = 'VEHICLE_PURCHASE',
  VEHICLE_OPERATION = 'VEHICLE_OPERATION',
  OFFICIAL_RECEPTION = 'OFFICIAL_RECEPTION',
}

registerEnumType(ThreePublicItem, {
  name: 'ThreePublicItem',
  description: 'Item of the 三公 expenses; vehicle purchase and vehicle running cost are separate items.',
  valuesConfig: {
    OVERSEAS_TRAVEL: { description: '因公出国(境)费: official travel abroad (counts: groups, travellers).' },
    VEHICLE_PURCHASE: { description: '公务用车购置费: purchase of official vehicles (counts: vehicles purchased, vehicles held).' },
    VEHICLE_OPERATION: { description: '公务用车运行维护费: running and maintenance of official vehicles (count: vehicles held).' },
    OFFICIAL_RECEPTION: { description: '公务接待费: official reception (counts: receptions, guests).' },
  },
});
