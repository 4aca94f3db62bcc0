import { describe, expect, it } from 'vitest';
import { combineFigures, engagementWords, newFollowers, reportTitle, signed } from '../../../shared/policy/engagement';
import {
  overlapDays,
  periodProblems,
  periodsOverlap,
  recentTerms,
  resolvePeriod,
  termContaining,
  termOf,
  termPeriod,
} from '../../../shared/policy/report-period';
import { defaultTerms } from '../../../shared/policy/term-calendar';

describe('report periods', () => {
  it('runs a term report over the term’s own dates, not the holiday before it', () => {
    const autumn = termPeriod([], 2026, 'autumn');
    // Not 18/07/2026, the day after the summer term ended: the summer holiday is not in the Autumn report.
    expect(autumn.from).toBe('2026-09-07');
    expect(autumn.to).toBe('2026-12-18');
    expect(autumn.label).toBe('Autumn 2026/27');
    const spring = termPeriod([], 2026, 'spring');
    expect(spring.from).toBe('2027-01-04');
    expect(spring.to).toBe(defaultTerms(2026)[1]!.endsOn);
  });

  it('uses the school’s own term dates where saved', () => {
    const own = defaultTerms(2026).map((t) =>
      t.term === 'autumn' ? { ...t, startsOn: '2026-09-02', endsOn: '2026-12-16' } : t,
    );
    expect(termPeriod(own, 2026, 'autumn')).toMatchObject({ from: '2026-09-02', to: '2026-12-16' });
    expect(termPeriod(own, 2026, 'spring').from).toBe('2027-01-04');
  });

  it('labels a custom range with UK dates', () => {
    expect(resolvePeriod({ kind: 'range', from: '2026-09-01', to: '2026-09-30' }, [])).toEqual({
      from: '2026-09-01',
      to: '2026-09-30',
      label: '01/09/2026 to 30/09/2026',
      term: null,
    });
  });

  it('refuses an end date on or before the start, and unreal dates', () => {
    expect(periodProblems('2026-09-30', '2026-09-01')).toEqual(['The end date must be after the start date.']);
    expect(periodProblems('2026-09-01', '2026-09-01')).toEqual(['The end date must be after the start date.']);
    expect(periodProblems('2026-02-30', '2026-03-01')).toEqual(['The start date is not a real date.']);
    expect(periodProblems('2026-01-01', '2029-01-01')[0]).toContain('at most two years');
    expect(periodProblems('2026-09-01', '2026-09-02')).toEqual([]);
  });

  it('counts shared days of overlapping periods, including both ends', () => {
    const sept = { from: '2026-09-01', to: '2026-09-30' };
    expect(overlapDays(sept, { from: '2026-09-30', to: '2026-10-31' })).toBe(1);
    expect(overlapDays(sept, { from: '2026-09-15', to: '2026-10-31' })).toBe(16);
    expect(overlapDays(sept, { from: '2026-10-01', to: '2026-10-31' })).toBe(0);
    expect(periodsOverlap(sept, { from: '2026-08-01', to: '2026-09-01' })).toBe(true);
  });

  it('finds the term a date falls in; in a holiday, the term just ended', () => {
    expect(termOf([], '2026-10-05')).toEqual({ academicYear: 2026, term: 'autumn' });
    expect(termOf([], '2026-12-24')).toEqual({ academicYear: 2026, term: 'autumn' });
    expect(termOf([], '2027-08-10')).toEqual({ academicYear: 2026, term: 'summer' });
    expect(termOf([], '2026-09-07')).toEqual({ academicYear: 2026, term: 'autumn' });
    expect(termContaining([], '2026-12-24')).toBeNull();
    expect(termContaining([], '2027-01-04')).toEqual({ academicYear: 2026, term: 'spring' });
  });

  it('lists the last terms for the chart, oldest first', () => {
    const labels = recentTerms([], '2026-10-05', 6).map((t) => t.label);
    expect(labels).toEqual([
      'Spring 2024/25',
      'Summer 2024/25',
      'Autumn 2025/26',
      'Spring 2025/26',
      'Summer 2025/26',
      'Autumn 2026/27',
    ]);
  });
});

describe('figures arithmetic', () => {
  it('computes new followers, negative for a loss', () => {
    expect(newFollowers(340, 352)).toBe(12);
    expect(newFollowers(352, 340)).toBe(-12);
    expect(signed(12)).toBe('+12');
    expect(signed(-3)).toBe('-3');
    expect(signed(0)).toBe('0');
  });

  it('combines monthly entries into one term: followers from the ends, counts added', () => {
    const types = { schools: null, clubs: null, individuals: null, other: null };
    const combined = combineFigures([
      {
        from: '2026-10-01',
        to: '2026-10-31',
        followersStart: 352,
        followersEnd: 370,
        followerTypes: { ...types, schools: 44 },
        posts: 10,
        shares: 5,
        mentions: 2,
        likes: 50,
      },
      {
        from: '2026-09-01',
        to: '2026-09-30',
        followersStart: 340,
        followersEnd: 352,
        followerTypes: types,
        posts: 21,
        shares: 34,
        mentions: 9,
        likes: 118,
      },
    ]);
    expect(combined).toEqual({
      from: '2026-09-01',
      to: '2026-10-31',
      followersStart: 340,
      followersEnd: 370,
      newFollowers: 30,
      followerTypes: { ...types, schools: 44 },
      posts: 31,
      shares: 39,
      mentions: 11,
      likes: 168,
      entries: 2,
    });
    expect(combineFigures([])).toBeNull();
  });

  it('uses each platform’s own words, and the policy’s for X', () => {
    expect(Object.values(engagementWords.x)).toEqual(['Tweets', 'Retweets', 'Mentions', 'Favourites']);
    expect(Object.values(engagementWords.instagram)).toEqual(['Posts', 'Shares', 'Mentions', 'Likes']);
    expect(reportTitle('x')).toBe('Twitter Report');
    expect(reportTitle('facebook')).toBe('Facebook Report');
  });
});
