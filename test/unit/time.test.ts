import { describe, expect, it } from 'vitest';
import {
  academicYearLabel,
  termYearLabel,
  londonDateOf,
  londonInstant,
  londonToday,
  ukDate,
  ukDateOf,
  ukDateTime,
} from '../../shared/time';

/**
 * The one time module. The London date is remembered per UTC hour (it cannot
 * change inside one, since London's offset is whole hours and changes on the
 * hour); checked here against a fresh formatter every 15 minutes across two
 * years, both clock changes included, whatever this machine's own zone.
 */
const reference = (instant: Date) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${p.year}-${p.month}-${p.day}`;
};

describe('londonDateOf', () => {
  it('agrees with a fresh formatter every 45 minutes for two years (each quarter of the hour in turn), clock changes included', () => {
    const start = Date.UTC(2025, 0, 1);
    for (let ms = start; ms < Date.UTC(2027, 0, 1); ms += 45 * 60_000) {
      const instant = new Date(ms);
      const got = londonDateOf(instant);
      if (got !== reference(instant)) throw new Error(`${instant.toISOString()}: ${got}`);
    }
  });

  it('puts 23:30 UTC on a summer evening on the next day, and the same in winter on the same day', () => {
    expect(londonDateOf('2026-07-17T23:30:00.000Z')).toBe('2026-07-18');
    expect(londonDateOf('2026-12-17T23:30:00.000Z')).toBe('2026-12-17');
    expect(londonToday(new Date('2026-03-29T00:59:59.000Z'))).toBe('2026-03-29');
  });

  it('gives nothing for an instant that is not one', () => {
    expect(londonDateOf('not a date')).toBe('');
    expect(ukDateTime('not a date')).toBe('');
  });
});

describe('as people read them', () => {
  it('writes dd/mm/yyyy and 24-hour London times', () => {
    expect(ukDate('2026-09-03')).toBe('03/09/2026');
    expect(ukDate(null)).toBe('');
    expect(ukDateOf('2026-07-17T23:30:00.000Z')).toBe('18/07/2026');
    expect(ukDateTime('2026-07-17T23:30:00.000Z')).toBe('18/07/2026 00:30');
    expect(ukDateTime(new Date('2026-01-05T15:04:00.000Z'))).toBe('05/01/2026 15:04');
  });

  it('labels academic years as schools write them', () => {
    expect(academicYearLabel(2026)).toBe('2026/27');
    expect(academicYearLabel(2099)).toBe('2099/00');
  });

  it('names a term by the calendar year it falls in: the Spring term of 2026/27 is in 2027', () => {
    expect(termYearLabel(2026, 'autumn')).toBe('Autumn term 2026');
    expect(termYearLabel(2026, 'spring')).toBe('Spring term 2027');
    expect(termYearLabel(2026, 'summer')).toBe('Summer term 2027');
    expect(termYearLabel(2099, 'summer')).toBe('Summer term 2100');
  });

  it('reads a London wall-clock time back as the instant, across the autumn repeat and the spring gap', () => {
    expect(londonInstant('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(londonInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonInstant('2026-06-01', '09:00').toISOString()).toBe('2026-06-01T08:00:00.000Z');
  });
});
