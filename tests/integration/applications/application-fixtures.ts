/** Shared pieces of the application tests: a fixed clock, GraphQL selections, fixture applications written through the replay rules. */
import { vi } from 'vitest';
import { APPLICATIONS } from '../../../datasources/applications/application-store.js';
import { replayApplication, type ApplicationReplay } from '../../../datasources/applications/replayed-application.js';
import type { TestGateway } from '../../helpers/gateway.js';

/** 10:00 in China on Wednesday 25 November 2026: every `now` of the gateway in these tests. */
export const NOW = new Date('2026-11-25T02:00:00Z');

/** Freezes `Date` (only: timers stay real, so stores and HTTP keep working) at NOW. */
export function freezeClock(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
}

export const TOWN = 'org-neicuo';
export const OFFICE_DEPARTMENT = 'org-neicuo-dzb';
export const globalOrganizationId = (id: string) => Buffer.from(`Organization:${id}`, 'utf8').toString('base64url');

export const APPLICATION_FIELDS = `
  trackingNumber state applicantType description deliveryForm receivedOn
  organization { name }
  clock { state receivedOn periodStartsOn dueDate allowedWorkingDays workingDaysUsed workingDaysLeft overdue
          pauses { party from to workingDays } extension { grantedOn workingDays } corrections { requestedOn receivedOn } }
  history { seq action fromState toState on by reason party workingDays }
  answer { outcome reason answeredOn replyDocument { title documentNumber } disclosedRecords { __typename title } }
  reviews { kind filedOn result decidedOn }
`;

/** A replay with defaults; `overrides` gives the dates and steps. */
export function replay(trackingNumber: string, overrides: Partial<ApplicationReplay> & Pick<ApplicationReplay, 'receivedOn'>): ApplicationReplay {
  return {
    trackingNumber,
    organizationId: TOWN,
    applicantType: 'NATURAL_PERSON',
    applicant: { name: '测试申请人', phone: '0592-7000000' },
    description: '申请公开2026年村道改造工程的预算。',
    deliveryForm: 'EMAIL',
    secret: `ysq_fixture_${trackingNumber}`,
    officeBy: 'key:fixture-office',
    steps: [],
    ...overrides,
  };
}

/** Writes replayed applications straight into the office store. */
export async function insertApplications(gateway: TestGateway, replays: ApplicationReplay[]): Promise<void> {
  const docs = replays.map((r) => replayApplication(r));
  await gateway.stores.connections.office.run((db) => db.collection(APPLICATIONS).insertMany(docs as never[]));
}

/** The `extensions.code` of each error of a response. */
export function codes(result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }): unknown[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}
