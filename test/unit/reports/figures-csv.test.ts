import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnalyticsDate, parseCount, suggestMapping } from '../../../electron/figures/analytics-values';
import { useReportCores, type ReportsSession } from './harness';

const ready = useReportCores();

/** The shape of X's per-post "tweet activity" export. */
const xExport = [
  'Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,retweets,replies,likes',
  '1,https://x.com/a/1,"Sports day, results",2026-08-31 10:05 +0000,900,40,3,1,12',
  '2,https://x.com/a/2,Netball,2026-09-14 23:30 +0000,1200,60,5,2,"1,020"',
  '3,https://x.com/a/3,Football,2026-09-30 18:00 +0000,800,30,2,0,9',
  '4,https://x.com/a/4,Late,2026-09-30 23:30 +0000,100,3,1,1,1',
  '5,https://x.com/a/5,Broken,yesterday,100,3,1,1,1',
].join('\r\n');

async function open(h: ReportsSession, text = xExport) {
  const path = join(h.dir, 'tweet_activity.csv');
  writeFileSync(path, `\uFEFF${text}`);
  h.platform.openPaths.push(path);
  const opened = await h.call('figures.openCsv', {});
  if (opened.cancelled) throw new Error('cancelled');
  return opened;
}

describe('importing figures from an analytics export', () => {
  it('suggests the X columns and previews the sums for the period, with unreadable rows named', async () => {
    const h = await ready();
    const opened = await open(h);
    expect(opened).toMatchObject({ fileName: 'tweet_activity.csv', rowCount: 5 });
    expect(opened.suggestedMapping).toEqual({ date: 3, time: null, text: 2, shares: 6, mentions: 7, likes: 8 });
    const preview = await h.call('figures.previewCsv', {
      importId: opened.importId,
      accountId: h.x,
      from: '2026-09-01',
      to: '2026-09-30',
      mapping: opened.suggestedMapping!,
    });
    // Row 2 is in August; row 5 (00:30 BST on 1 October) is after the period in London.
    expect(preview).toMatchObject({ postsInPeriod: 2, shares: 7, mentions: 2, likes: 1029, outsidePeriod: 2 });
    expect(preview.unreadable).toEqual([{ rowNumber: 6, problem: '"yesterday" is not a date Keyholder can read.' }]);
    expect(preview.sample[0]).toEqual({ date: '2026-09-15', shares: 5, mentions: 2, likes: 1020 });
  });

  it('saves the summed figures with the followers given, and forgets the file', async () => {
    const h = await ready();
    const opened = await open(h);
    const request = {
      importId: opened.importId,
      accountId: h.x,
      from: '2026-09-01',
      to: '2026-09-30',
      mapping: opened.suggestedMapping!,
      followersStart: 340,
      followersEnd: 352,
    };
    const saved = await h.call('figures.importCsv', request);
    expect(saved).toMatchObject({ posts: 2, shares: 7, mentions: 2, likes: 1029, newFollowers: 12, source: 'csv' });
    const again = await h.refused('figures.importCsv', request, 'NOT_FOUND');
    expect(again.message).toContain('Choose the analytics file again');
  });

  it('refuses an import with no posts in the period, and a column the file does not have', async () => {
    const h = await ready();
    const opened = await open(h);
    const base = { importId: opened.importId, accountId: h.x, followersStart: 1, followersEnd: 2 };
    const none = await h.refused(
      'figures.importCsv',
      { ...base, from: '2025-01-01', to: '2025-02-01', mapping: opened.suggestedMapping! },
      'INVALID_INPUT',
    );
    expect(none.message).toContain('No posts in the file are dated between 01/01/2025 and 01/02/2025');
    await h.refused(
      'figures.previewCsv',
      {
        ...base,
        from: '2026-09-01',
        to: '2026-09-30',
        mapping: { date: 3, time: null, text: null, shares: 40, mentions: null, likes: null },
      },
      'INVALID_INPUT',
    );
    expect(await h.call('figures.list', { accountId: null })).toEqual([]);
  });

  it('reads the date and number styles analytics exports use', () => {
    expect(parseAnalyticsDate('2026-09-14 23:30 +0000')).toBe('2026-09-15');
    expect(parseAnalyticsDate('2026-12-14T23:30:00Z')).toBe('2026-12-14');
    expect(parseAnalyticsDate('2026-09-14')).toBe('2026-09-14');
    expect(parseAnalyticsDate('14/09/2026 10:05')).toBe('2026-09-14');
    expect(parseAnalyticsDate('Mon, Sep 14, 2026')).toBe('2026-09-14');
    expect(parseAnalyticsDate('14 September 2026')).toBe('2026-09-14');
    expect(parseAnalyticsDate('31/02/2026')).toBeNull();
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('')).toBe(0);
    expect(parseCount('12.5')).toBeNull();
    expect(suggestMapping(['Date', 'Post text', 'Reposts', 'Replies', 'Likes'])).toEqual({
      date: 0,
      time: null,
      text: 1,
      shares: 2,
      mentions: 3,
      likes: 4,
    });
    expect(suggestMapping(['Impressions'])).toBeNull();
  });
});
