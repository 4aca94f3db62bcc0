import { describe, expect, it } from 'vitest';
import { parseAnalyticsTime, parseAnalyticsWhen } from '../../../electron/figures/analytics-values';
import { upcomingWindow } from '../../../shared/policy/key-dates';
import { termPeriod } from '../../../shared/policy/report-period';
import {
  defaultPostingHours,
  londonPostTime,
  postingDaysLabel,
  postingHoursLabel,
  postingHoursSentence,
  withinPostingHours,
} from '../../../shared/policy/posting-hours';
import { defaultSettings, settingsSchema } from '../../../shared/policy/settings';

/** Posting hours (wentworth "Usage Policy"): 8am to 6pm, Monday to Friday, London time. */
const at = (iso: string) => withinPostingHours(londonPostTime(new Date(iso)), defaultPostingHours);

describe('posting hours', () => {
  it('defaults to the policy: 08:00-18:00, Monday to Friday', () => {
    expect(defaultSettings.postingHours).toEqual({ start: '08:00', end: '18:00', weekdays: [1, 2, 3, 4, 5] });
    expect(postingHoursLabel(defaultSettings.postingHours)).toBe('08:00-18:00, Monday to Friday');
  });

  it('reads a post at its London time: the same UTC hour is inside in winter and outside in summer', () => {
    // Friday 27/03/2026 is GMT: 17:30 UTC is 17:30 in London.
    expect(at('2026-03-27T17:30:00Z')).toBe(true);
    // Monday 30/03/2026 is BST (clocks went forward on the 29th): 17:30 UTC is 18:30.
    expect(at('2026-03-30T17:30:00Z')).toBe(false);
    // Friday 23/10/2026 is BST: 07:30 UTC is 08:30. Monday 26/10/2026 is GMT again: 07:30.
    expect(at('2026-10-23T07:30:00Z')).toBe(true);
    expect(at('2026-10-26T07:30:00Z')).toBe(false);
  });

  it('counts both ends as inside, to the minute', () => {
    expect(withinPostingHours({ date: '2026-11-23', time: '08:00' }, defaultPostingHours)).toBe(true);
    expect(withinPostingHours({ date: '2026-11-23', time: '18:00' }, defaultPostingHours)).toBe(true);
    expect(withinPostingHours({ date: '2026-11-23', time: '07:59' }, defaultPostingHours)).toBe(false);
    expect(withinPostingHours({ date: '2026-11-23', time: '18:01' }, defaultPostingHours)).toBe(false);
  });

  it('puts weekend posts outside, including a Friday evening in UTC that is Saturday in London', () => {
    expect(at('2026-11-28T12:00:00Z')).toBe(false); // Saturday noon
    expect(at('2026-11-29T12:00:00Z')).toBe(false); // Sunday noon
    // Friday 12/06/2026 23:30 UTC is 00:30 on Saturday in London.
    expect(londonPostTime(new Date('2026-06-12T23:30:00Z'))).toEqual({ date: '2026-06-13', time: '00:30' });
    expect(at('2026-06-12T23:30:00Z')).toBe(false);
  });

  it("follows the school's own hours and days", () => {
    const weekend = { start: '09:00', end: '17:00', weekdays: [0, 6] };
    expect(withinPostingHours({ date: '2026-11-28', time: '10:00' }, weekend)).toBe(true);
    expect(withinPostingHours({ date: '2026-11-23', time: '10:00' }, weekend)).toBe(false);
    expect(postingHoursLabel(weekend)).toBe('09:00-17:00, Saturday and Sunday');
    expect(postingDaysLabel([1, 3, 5])).toBe('Monday, Wednesday and Friday');
    expect(postingDaysLabel([0, 1, 2, 3, 4, 5, 6])).toBe('every day');
    expect(postingDaysLabel([5, 6, 0, 1])).toBe('Monday, Friday, Saturday and Sunday');
    expect(settingsSchema.shape.postingHours.safeParse({ start: '18:00', end: '08:00', weekdays: [1] }).success).toBe(
      false,
    );
    expect(settingsSchema.shape.postingHours.safeParse({ start: '08:00', end: '18:00', weekdays: [] }).success).toBe(
      false,
    );
  });

  it('says how many posts were outside, in words', () => {
    expect(postingHoursSentence(41, 3, defaultPostingHours)).toBe(
      '3 of 41 posts were outside 08:00-18:00, Monday to Friday.',
    );
    expect(postingHoursSentence(41, 1, defaultPostingHours)).toBe(
      '1 of 41 posts was outside 08:00-18:00, Monday to Friday.',
    );
    expect(postingHoursSentence(12, 0, defaultPostingHours)).toBe(
      'All 12 posts were within 08:00-18:00, Monday to Friday.',
    );
  });
});

describe('post times in an analytics export', () => {
  it('places a time with an offset on its London day and clock', () => {
    expect(parseAnalyticsWhen('2026-09-30 18:00 +0000')).toEqual({ date: '2026-09-30', time: '19:00' });
    expect(parseAnalyticsWhen('2026-12-01T18:00:00Z')).toEqual({ date: '2026-12-01', time: '18:00' });
    expect(parseAnalyticsWhen('2026-09-30 23:30 +0000')).toEqual({ date: '2026-10-01', time: '00:30' });
  });

  it('takes a time without an offset as London time, and a date alone as a post without a time', () => {
    expect(parseAnalyticsWhen('14/09/2026 19:05')).toEqual({ date: '2026-09-14', time: '19:05' });
    expect(parseAnalyticsWhen('2026-09-14 07:45')).toEqual({ date: '2026-09-14', time: '07:45' });
    expect(parseAnalyticsWhen('14/09/2026')).toEqual({ date: '2026-09-14', time: null });
    expect(parseAnalyticsWhen('Mon, Sep 14, 2026')).toEqual({ date: '2026-09-14', time: null });
    expect(parseAnalyticsWhen('14/09/2026 25:00')).toBeNull();
  });

  it('reads a time column of its own', () => {
    expect(parseAnalyticsTime('9:05')).toBe('09:05');
    expect(parseAnalyticsTime('18:30:12')).toBe('18:30');
    expect(parseAnalyticsTime('6:15 pm')).toBe('18:15');
    expect(parseAnalyticsTime('12:10 AM')).toBe('00:10');
    expect(parseAnalyticsTime('teatime')).toBeNull();
    expect(parseAnalyticsTime('13:00 pm')).toBeNull();
  });
});

describe("the meeting pack's look ahead", () => {
  it('runs from today to the end of the next term, or from the term start when made before it', () => {
    const autumn = upcomingWindow([], 2026, 'autumn', '2026-11-23');
    expect(autumn.from).toBe('2026-11-23');
    expect(autumn.nextTerm.label).toBe('Spring 2026/27');
    expect(autumn.to).toBe(autumn.nextTerm.to);
    // The summer meeting looks ahead into the next academic year.
    const summer = upcomingWindow([], 2026, 'summer', '2027-01-10');
    expect(summer.from).toBe(termPeriod([], 2026, 'summer').from);
    expect(summer.nextTerm.label).toBe('Autumn 2027/28');
  });
});
