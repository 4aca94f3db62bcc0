import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/policy/settings';
import { isOverdue, isWorkingDay, nextWorkingDay, responseDue } from '../../../shared/policy/response-due';
import { londonInstant, londonParts, ukDateTime } from '../../../shared/time';

/**
 * bebington "Monitoring": a reply within 24 hours, or on the next working
 * day when the comment arrives at a weekend. Times are London times; the
 * instants below are written in UTC with the London reading beside them.
 */
const holidays = defaultSettings.bankHolidays;
const due = (receivedUtc: string) => {
  const result = responseDue(receivedUtc, holidays);
  return { ...result, london: ukDateTime(result.dueAt) };
};

describe('response due time', () => {
  it('is 24 hours later for a comment on a Tuesday morning', () => {
    // Tuesday 06/10/2026 09:15 BST
    const result = due('2026-10-06T08:15:00Z');
    expect(result).toMatchObject({ rule: 'within-24-hours', london: '07/10/2026 09:15' });
    expect(result.dueAt).toBe('2026-10-07T08:15:00.000Z');
  });

  it('is Friday evening when a comment arrives on Thursday evening', () => {
    expect(due('2026-10-08T18:30:00Z').london).toBe('09/10/2026 19:30');
  });

  it('moves a Friday evening comment to the end of Monday, since its 24 hours end on Saturday', () => {
    // Friday 09/10/2026 19:30 BST
    const result = due('2026-10-09T18:30:00Z');
    expect(result.rule).toBe('next-working-day');
    expect(result.london).toBe('12/10/2026 23:59');
    expect(result.explanation).toContain('weekend');
    expect(result.explanation).toContain('Monday 12/10/2026');
  });

  it('gives a Saturday or Sunday comment until the end of Monday', () => {
    expect(due('2026-10-10T10:00:00Z').london).toBe('12/10/2026 23:59');
    expect(due('2026-10-11T22:30:00Z').london).toBe('12/10/2026 23:59'); // Sunday 23:30 BST
  });

  it('reads the weekend in London time: Sunday 23:30 UTC in winter is still Sunday, in summer it is Monday', () => {
    expect(due('2026-11-08T23:30:00Z').london).toBe('09/11/2026 23:59'); // Sunday 23:30 GMT
    // Sunday 23:30 UTC on 11/10/2026 is Monday 00:30 BST: a working day, so 24 hours.
    expect(due('2026-10-11T23:30:00Z')).toMatchObject({ rule: 'within-24-hours', london: '13/10/2026 00:30' });
  });

  it('skips a bank holiday Monday after a weekend', () => {
    // Saturday 23/05/2026; Monday 25/05/2026 is the spring bank holiday.
    expect(due('2026-05-23T11:00:00Z').london).toBe('26/05/2026 23:59');
    // Friday 22/05/2026 20:00 BST: 24 hours end on Saturday, Monday is a holiday, so Tuesday.
    expect(due('2026-05-22T19:00:00Z').london).toBe('26/05/2026 23:59');
  });

  it('treats a comment received on a bank holiday like one at a weekend', () => {
    const result = due('2026-08-31T09:00:00Z'); // summer bank holiday, 10:00 BST
    expect(result.london).toBe('01/09/2026 23:59');
    expect(result.explanation).toContain('bank holiday');
  });

  it('moves a Thursday comment whose 24 hours end on Good Friday past the Easter weekend', () => {
    // Thursday 02/04/2026 12:00 BST; Good Friday 03/04 and Easter Monday 06/04 are holidays.
    expect(due('2026-04-02T11:00:00Z').london).toBe('07/04/2026 23:59');
  });

  it('follows the bank holiday setting rather than a fixed list', () => {
    expect(responseDue('2026-10-08T09:00:00Z', []).rule).toBe('within-24-hours');
    const closed = responseDue('2026-10-08T09:00:00Z', ['2026-10-09']);
    expect(ukDateTime(closed.dueAt)).toBe('12/10/2026 23:59');
  });

  it('runs over Christmas and the substitute Boxing Day', () => {
    // Thursday 24/12/2026 15:00 GMT -> 25/12 holiday, weekend, 28/12 substitute holiday -> Tuesday 29/12.
    expect(due('2026-12-24T15:00:00Z').london).toBe('29/12/2026 23:59');
    expect(nextWorkingDay('2026-12-24', holidays)).toBe('2026-12-29');
    expect(isWorkingDay('2026-12-28', holidays)).toBe(false);
    expect(isWorkingDay('2026-12-29', holidays)).toBe(true);
  });

  it('is overdue only while no reply is recorded and the time has passed', () => {
    const dueAt = '2026-10-07T08:15:00.000Z';
    expect(isOverdue(dueAt, new Date('2026-10-07T08:15:00Z'), null)).toBe(false);
    expect(isOverdue(dueAt, new Date('2026-10-07T08:16:00Z'), null)).toBe(true);
    expect(isOverdue(dueAt, new Date('2026-10-08T08:16:00Z'), '2026-10-07T09:00:00Z')).toBe(false);
  });
});

describe('London wall time', () => {
  it('converts both ways across the clock changes', () => {
    expect(londonInstant('2026-07-01', '09:30').toISOString()).toBe('2026-07-01T08:30:00.000Z');
    expect(londonInstant('2026-12-01', '09:30').toISOString()).toBe('2026-12-01T09:30:00.000Z');
    // 25/10/2026: 01:30 happens twice; the first (summer time) is used.
    expect(londonInstant('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // 29/03/2026: 01:30 does not exist; read as GMT.
    expect(londonInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonParts('2026-07-01T23:30:00Z')).toEqual({ date: '2026-07-02', time: '00:30' });
  });

  it('defaults the bank holidays to England and Wales for 2026 and 2027', () => {
    expect(holidays).toContain('2026-12-28');
    expect(holidays).toContain('2027-03-26');
    expect(holidays.filter((d) => d.startsWith('2026'))).toHaveLength(8);
    expect(holidays.filter((d) => d.startsWith('2027'))).toHaveLength(8);
  });
});
