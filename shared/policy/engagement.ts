import { platformLabels, type PlatformId } from './platforms';
import { type IsoDate } from '../time';

/**
 * Engagement figures for the Appendix 1 report (north-herts 6.2): followers
 * and their types, and four counts that each platform names in its own
 * words. The report uses the platform's words; Keyholder stores the four
 * counts under neutral keys.
 */
export const engagementKeys = ['posts', 'shares', 'mentions', 'likes'] as const;
export type EngagementKey = (typeof engagementKeys)[number];
export type EngagementCounts = Record<EngagementKey, number>;

export const engagementWords: Record<PlatformId, Record<EngagementKey, string>> = {
  // north-herts Appendix 1, word for word.
  x: { posts: 'Tweets', shares: 'Retweets', mentions: 'Mentions', likes: 'Favourites' },
  facebook: { posts: 'Posts', shares: 'Shares', mentions: 'Mentions', likes: 'Reactions' },
  instagram: { posts: 'Posts', shares: 'Shares', mentions: 'Mentions', likes: 'Likes' },
  youtube: { posts: 'Videos', shares: 'Shares', mentions: 'Comments', likes: 'Likes' },
  linkedin: { posts: 'Posts', shares: 'Reposts', mentions: 'Mentions', likes: 'Reactions' },
  tiktok: { posts: 'Videos', shares: 'Shares', mentions: 'Mentions', likes: 'Likes' },
  other: { posts: 'Posts', shares: 'Shares', mentions: 'Mentions', likes: 'Likes' },
};

/** "Twitter Report" as the policy titles it; other platforms get their own name. */
export function reportTitle(platform: PlatformId): string {
  return platform === 'x' ? 'Twitter Report' : `${platformLabels[platform]} Report`;
}

/** Follower types "where possible to ascertain" (north-herts 6.2); unknown stays null. */
export const followerTypeKeys = ['schools', 'clubs', 'individuals', 'other'] as const;
export type FollowerTypeKey = (typeof followerTypeKeys)[number];
export type FollowerTypes = Record<FollowerTypeKey, number | null>;
export const followerTypeLabels: Record<FollowerTypeKey, string> = {
  schools: 'Schools',
  clubs: 'Clubs',
  individuals: 'Individuals',
  other: 'Other',
};

/** Followers gained over a period; negative when the account lost followers. */
/** The chart's caption: it shows only the recent terms that have figures. */
export function chartCaption(terms: number): string {
  if (terms === 0) return 'No figures are entered for the recent terms, so there is nothing to chart.';
  return terms === 1
    ? 'Followers and engagement in the one recent term with figures.'
    : `Followers and engagement in the ${terms} recent terms with figures.`;
}

export function newFollowers(followersStart: number, followersEnd: number): number {
  return followersEnd - followersStart;
}

export interface FiguresEntry extends EngagementCounts {
  from: IsoDate;
  to: IsoDate;
  followersStart: number;
  followersEnd: number;
  followerTypes: FollowerTypes;
}

export interface CombinedFigures extends EngagementCounts {
  from: IsoDate;
  to: IsoDate;
  followersStart: number;
  followersEnd: number;
  newFollowers: number;
  followerTypes: FollowerTypes;
  entries: number;
}

/**
 * Several entries in one report period (monthly figures in a term) make one
 * set: followers from the earliest start and the latest end, counts added,
 * follower types from the latest entry (they describe who follows now).
 */
export function combineFigures(entries: readonly FiguresEntry[]): CombinedFigures | null {
  if (entries.length === 0) return null;
  const sorted = [...entries].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const first = sorted[0]!;
  const last = [...sorted].sort((a, b) => a.to.localeCompare(b.to)).at(-1)!;
  const sum = (key: EngagementKey) => sorted.reduce((total, e) => total + e[key], 0);
  return {
    from: first.from,
    to: last.to,
    followersStart: first.followersStart,
    followersEnd: last.followersEnd,
    newFollowers: newFollowers(first.followersStart, last.followersEnd),
    followerTypes: { ...last.followerTypes },
    posts: sum('posts'),
    shares: sum('shares'),
    mentions: sum('mentions'),
    likes: sum('likes'),
    entries: sorted.length,
  };
}

/** "+12", "0", "-3": gains are signed so a loss is not misread as a gain. */
export function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/**
 * The chart's colour for each series, on screen and on paper: Okabe-Ito hues
 * darkened until each reaches 3:1 against white (WCAG 1.4.11), so a bar can
 * be told from the page and from its neighbours with any colour vision.
 */
export const engagementColours = {
  posts: '#0072B2',
  shares: '#AD5F00',
  mentions: '#007A5E',
  likes: '#A8418A',
} as const;
