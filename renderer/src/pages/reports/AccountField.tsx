import type { UseFormRegisterReturn } from 'react-hook-form';
import type { Account } from '../../../../shared/contract';
import { FormField } from '../../components/FormField';

/** The account a report entry is about (figures, an analytics import, a comment), as a labelled select. */
export function AccountField({
  id,
  accounts,
  registration,
}: {
  id: string;
  accounts: Pick<Account, 'id' | 'handle'>[];
  registration: UseFormRegisterReturn;
}) {
  return (
    <FormField id={id} label="Account">
      <select id={id} {...registration}>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.handle}
          </option>
        ))}
      </select>
    </FormField>
  );
}
