/**
 * The platforms a school account can be on, with each platform's own words
 * for the Appendix 1 engagement columns (north-herts Appendix 1 uses X's).
 */
export const platformIds = ['x', 'facebook', 'instagram', 'youtube', 'linkedin', 'tiktok', 'other'] as const;
export type PlatformId = (typeof platformIds)[number];

export const platformLabels: Record<PlatformId, string> = {
  x: 'X (Twitter)',
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  other: 'Other',
};

/** Platforms whose handles are written with a leading @. */
const atHandles: ReadonlySet<PlatformId> = new Set(['x', 'instagram', 'tiktok']);

/** Trims, removes any run of leading @, and adds exactly one where the platform uses it. */
export function normaliseHandle(platform: PlatformId, handle: string): string {
  const bare = handle.trim().replace(/^@+/, '');
  if (bare === '') return '';
  return atHandles.has(platform) ? `@${bare}` : bare;
}
