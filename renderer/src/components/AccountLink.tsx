import type { PlatformId } from '../../../shared/policy/platforms';
import { platformLabels } from '../../../shared/policy/platforms';

/** An account in a table: its handle linking to its page, and the platform by name. */
export function AccountLink({
  accountId,
  label,
  platform,
}: {
  accountId: number;
  label: string;
  platform: PlatformId;
}) {
  return (
    <>
      <a href={`#/accounts/${accountId}`}>{label}</a> <span className="muted">{platformLabels[platform]}</span>
    </>
  );
}
