import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../../datasources/calendar/official-calendar.js';
import { ApplicationError } from '../../../datasources/applications/application-errors.js';
import { replyClock, type ClockEvent } from '../../../datasources/applications/reply-clock.js';

const calendar = officialCalendar();
const clock = (events: ClockEvent[], asOf: string) => replyClock(calendar, events, asOf);

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return 'no error';
}

describe('the 20-working-day answer period', () => {
  it('counts day 1 as the first working day after receipt, over the 2015 Spring Festival and its make-up days', () => {
    const state = clock([{ kind: 'RECEIVED', on: '2015-02-10' }], '2015-02-26');
    expect(state.dueDate).toBe('2015-03-13');
    // 11, 12, 13, 15 (Sunday, worked), 16, 17, 25, 26.
    expect(state.workingDaysUsed).toBe(8);
    expect(state.workingDaysLeft).toBe(12);
    expect(state.state).toBe('RUNNING');
    expect(state.overdue).toBe(false);
  });

  it('over the 2024 Spring Festival (Sunday 4 and 18 February worked)', () => {
    expect(clock([{ kind: 'RECEIVED', on: '2024-02-01' }], '2024-02-01').dueDate).toBe('2024-03-05');
  });

  it('starts counting on the next working day when received on a holiday', () => {
    expect(clock([{ kind: 'RECEIVED', on: '2015-02-20' }], '2015-02-20').dueDate).toBe(calendar.addWorkingDays('2015-02-24', 20));
    expect(calendar.addWorkingDays('2015-02-24', 1)).toBe('2015-02-25');
  });

  it('is due on the due date itself and overdue the day after', () => {
    const received: ClockEvent[] = [{ kind: 'RECEIVED', on: '2015-03-02' }];
    expect(clock(received, '2015-03-30')).toMatchObject({ dueDate: '2015-03-30', workingDaysLeft: 0, overdue: false });
    expect(clock(received, '2015-03-31')).toMatchObject({ workingDaysLeft: -1, overdue: true });
  });
});

describe('consultations', () => {
  const events: ClockEvent[] = [
    { kind: 'RECEIVED', on: '2015-03-02' },
    { kind: 'PAUSE_STARTED', on: '2015-03-09', party: 'THIRD_PARTY' },
  ];

  it('stop the clock while they last', () => {
    const state = clock(events, '2015-03-18');
    expect(state.state).toBe('PAUSED');
    expect(state.dueDate).toBeNull();
    expect(state.workingDaysUsed).toBe(5);
    expect(state.workingDaysLeft).toBe(15);
    expect(state.pauses).toEqual([{ party: 'THIRD_PARTY', from: '2015-03-09', to: null, workingDays: 7 }]);
  });

  it('move the due date by the working days they took (over the 2015 Qingming holiday)', () => {
    const state = clock([...events, { kind: 'PAUSE_ENDED', on: '2015-03-20' }], '2015-03-23');
    expect(state.pauses[0]).toEqual({ party: 'THIRD_PARTY', from: '2015-03-09', to: '2015-03-20', workingDays: 9 });
    expect(state.dueDate).toBe('2015-04-13');
    expect(state.workingDaysUsed).toBe(6);
  });

  it('end when the office answers during one', () => {
    const state = clock([...events, { kind: 'STOPPED', on: '2015-03-11' }], '2015-06-01');
    expect(state.state).toBe('STOPPED');
    expect(state.pauses[0]?.to).toBe('2015-03-11');
    expect(state.workingDaysUsed).toBe(5);
  });

  it('cannot overlap', () => {
    expect(codeOf(() => clock([...events, { kind: 'PAUSE_STARTED', on: '2015-03-10', party: 'OTHER_AGENCY' }], '2015-03-10'))).toBe('INVALID_TRANSITION');
  });
});

describe('a correction request (补正)', () => {
  const events: ClockEvent[] = [
    { kind: 'RECEIVED', on: '2015-03-02' },
    { kind: 'CORRECTION_REQUESTED', on: '2015-03-04' },
  ];

  it('stops the clock until the corrected application arrives', () => {
    expect(clock(events, '2015-03-10')).toMatchObject({ state: 'AWAITING_CORRECTION', dueDate: null, workingDaysLeft: null, overdue: false });
  });

  it('stops without a due date when the application is closed before the correction arrives', () => {
    expect(clock([...events, { kind: 'STOPPED', on: '2015-03-20' }], '2015-04-01')).toMatchObject({ state: 'STOPPED', stoppedOn: '2015-03-20', dueDate: null, workingDaysLeft: null, overdue: false });
  });

  it('restarts the full period from the receipt of the corrected application', () => {
    const state = clock([...events, { kind: 'CORRECTION_RECEIVED', on: '2015-03-16' }], '2015-03-17');
    expect(state.receivedOn).toBe('2015-03-02');
    expect(state.periodStartsOn).toBe('2015-03-16');
    expect(state.dueDate).toBe('2015-04-14');
    expect(state.workingDaysLeft).toBe(19);
    expect(state.corrections).toEqual([{ requestedOn: '2015-03-04', receivedOn: '2015-03-16' }]);
  });
});

describe('the extension', () => {
  const received: ClockEvent[] = [{ kind: 'RECEIVED', on: '2015-03-02' }];
  const extended: ClockEvent[] = [...received, { kind: 'EXTENDED', on: '2015-03-25', workingDays: 20 }];

  it('adds at most 20 working days once', () => {
    const state = clock(extended, '2015-03-31');
    expect(state.dueDate).toBe('2015-04-28');
    expect(state.allowedWorkingDays).toBe(40);
    expect(state.extension).toEqual({ grantedOn: '2015-03-25', workingDays: 20 });
    expect(state.overdue).toBe(false);
  });

  it('refuses a second extension', () => {
    expect(codeOf(() => clock([...extended, { kind: 'EXTENDED', on: '2015-03-26', workingDays: 1 }], '2015-03-26'))).toBe('EXTENSION_ALREADY_GRANTED');
  });

  it('refuses more than 20 working days, and less than one', () => {
    expect(codeOf(() => clock([...received, { kind: 'EXTENDED', on: '2015-03-25', workingDays: 21 }], '2015-03-25'))).toBe('EXTENSION_TOO_LONG');
    expect(codeOf(() => clock([...received, { kind: 'EXTENDED', on: '2015-03-25', workingDays: 0 }], '2015-03-25'))).toBe('BAD_USER_INPUT');
  });

  it('must be decided within the period', () => {
    expect(codeOf(() => clock([...received, { kind: 'EXTENDED', on: '2015-03-30', workingDays: 5 }], '2015-03-30'))).toBe('no error');
    expect(codeOf(() => clock([...received, { kind: 'EXTENDED', on: '2015-03-31', workingDays: 5 }], '2015-03-31'))).toBe('EXTENSION_AFTER_DUE_DATE');
  });
});

describe('the order of steps', () => {
  it('refuses a step dated before the previous one, and a clock without a receipt', () => {
    expect(codeOf(() => clock([{ kind: 'RECEIVED', on: '2015-03-02' }, { kind: 'STOPPED', on: '2015-03-01' }], '2015-03-02'))).toBe('DATE_OUT_OF_ORDER');
    expect(() => clock([], '2015-03-02')).toThrow(ApplicationError);
  });

  it('reports a missing calendar year rather than a guessed due date', () => {
    expect(codeOf(() => clock([{ kind: 'RECEIVED', on: '2026-12-10' }], '2026-12-10'))).toBe('CALENDAR_YEAR_MISSING');
  });
});
