/**
 * What an applicant files, checked before anything is written. Messages
 * name the field at fault and never repeat what was typed into it: a
 * rejected name or phone number must not reach a response or a log.
 */
import { ApplicationError } from './application-errors.js';
import { APPLICANT_TYPES, DELIVERY_FORMS, type ApplicantIdentity, type ApplicantType, type DeliveryForm } from './application-records.js';

/** A filing as it arrives (from GraphQL or the demo loader). */
export interface FilingInput {
  organizationId: string;
  applicantType: ApplicantType;
  applicant: { name: string; contactPerson?: string | null; phone?: string | null; email?: string | null; address?: string | null };
  description: string;
  deliveryForm: DeliveryForm;
}

/** A filing that passed every check, trimmed. */
export interface CheckedFiling {
  organizationId: string;
  applicantType: ApplicantType;
  applicant: ApplicantIdentity;
  description: string;
  deliveryForm: DeliveryForm;
}

const PHONE = /^[0-9+\-() ]{5,30}$/u;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{1,63}$/u;

function bad(argumentName: string, message: string): never {
  throw new ApplicationError('BAD_USER_INPUT', message, { argumentName });
}

function text(value: string | null | undefined, argumentName: string, max: number, required: boolean): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') {
    if (required) bad(argumentName, `${argumentName} is required`);
    return null;
  }
  if (trimmed.length > max) bad(argumentName, `${argumentName} is longer than ${max} characters`);
  return trimmed;
}

/** The filing, trimmed, or an ApplicationError (BAD_USER_INPUT) naming the first field at fault. */
export function checkFiling(input: FilingInput): CheckedFiling {
  if (!APPLICANT_TYPES.includes(input.applicantType)) bad('input.applicantType', 'Unknown applicant type');
  if (!DELIVERY_FORMS.includes(input.deliveryForm)) bad('input.deliveryForm', 'Unknown delivery form');
  const name = text(input.applicant.name, 'input.applicant.name', 100, true)!;
  const contactPerson = text(input.applicant.contactPerson, 'input.applicant.contactPerson', 100, false);
  const phone = text(input.applicant.phone, 'input.applicant.phone', 30, false);
  const email = text(input.applicant.email, 'input.applicant.email', 254, false);
  const address = text(input.applicant.address, 'input.applicant.address', 300, false);
  if (phone !== null && !PHONE.test(phone)) bad('input.applicant.phone', 'input.applicant.phone is not a telephone number (digits, spaces, +, -, parentheses)');
  if (email !== null && !EMAIL.test(email)) bad('input.applicant.email', 'input.applicant.email is not an email address');
  if (phone === null && email === null && address === null) bad('input.applicant', 'The applicant needs a telephone number, an email address or a postal address to be answered');
  const description = checkDescription(input.description, 'input.description');
  return {
    organizationId: input.organizationId,
    applicantType: input.applicantType,
    applicant: { name, contactPerson, phone, email, address },
    description,
    deliveryForm: input.deliveryForm,
  };
}

/** The description of the information wanted, trimmed (1–2000 characters), or BAD_USER_INPUT on `argumentName`. */
export function checkDescription(value: string, argumentName: string): string {
  return text(value, argumentName, 2000, true)!;
}
