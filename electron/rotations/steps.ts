import type { PlatformId } from '../../shared/policy/platforms';
import { platformLabels } from '../../shared/policy/platforms';

/** Where each platform keeps its password setting (as of 2026; platforms move these). */
const settingsPath: Record<PlatformId, string> = {
  x: 'More, then Settings and privacy, then Your account, then Change your password',
  facebook:
    'Settings and privacy, then Settings, then Accounts Centre, then Password and security, then Change password',
  instagram: 'Settings, then Accounts Centre, then Password and security, then Change password',
  youtube: 'the Google Account that owns the channel: Security, then Password',
  linkedin: 'Me, then Settings and privacy, then Sign in and security, then Change password',
  tiktok: 'Profile, then Settings and privacy, then Account, then Password',
  other: "the platform's account or security settings",
};

/** What to do on the platform, step by step, for the account page during a rotation. */
export function rotationSteps(platform: PlatformId, handle: string, hasProfileUrl: boolean): string[] {
  const name = platformLabels[platform];
  return [
    `${hasProfileUrl ? 'Choose "Open profile in browser" and sign' : 'Sign'} in to ${name} as ${handle}. Copy the current password from Keyholder if you need it.`,
    `Open ${settingsPath[platform]}.`,
    'Copy the new password from Keyholder ("Copy new password") and paste it as the new password on the platform. Save.',
    'Sign out, then sign in again with the new password to check it works.',
    'Come back here and choose "Confirm the change". If the platform refused the password, choose "Abandon": the current password stays in use.',
    "Tell each named holder the new password in person or through the school's secure channel, and tick them off below.",
  ];
}
