/** Enumerations of the personnel records. */
import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum AppointmentAction {
  APPOINT = 'APPOINT',
  DISMISS = 'DISMISS',
}

registerEnumType(AppointmentAction, {
  name: 'AppointmentAction',
  description: 'What an appointment decision does.',
  valuesConfig: {
    APPOINT: { description: '任职: appoints the person to the post.' },
    DISMISS: { description: '免职: dismisses the person from the post.' },
  },
});

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

registerEnumType(Gender, {
  name: 'Gender',
  description: 'Gender (性别) as stated in an appointment notice.',
  valuesConfig: { MALE: { description: '男' }, FEMALE: { description: '女' } },
});
