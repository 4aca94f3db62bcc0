import { AccountPage } from './AccountPage';
import { AccountsPage } from './AccountsPage';

/** #/accounts lists the register; #/accounts/12 opens one account. */
export function AccountsSection({ segments }: { segments: string[] }) {
  const id = Number(segments[0]);
  return Number.isInteger(id) && id > 0 ? <AccountPage id={id} /> : <AccountsPage />;
}
