import { accountInputSchema } from '../../../../shared/contract';
import { FormDialog } from '../../components/FormDialog';
import { useMutate } from '../../data/queries';
import { AccountFields, noAccount } from './AccountForm';
import { focusHeadingOnArrival } from '../../hooks/use-focus-on-arrival';

/** A new account and its business case; once added, it opens. */
export function AddAccountDialog({
  isOpen,
  onOpenChange,
  onAdded,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onAdded: (id: number) => void;
}) {
  const create = useMutate('accounts.create', { handled: true });
  return (
    <FormDialog
      title="Add an account"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      wide
      schema={accountInputSchema}
      defaultValues={noAccount}
      submitLabel="Add account"
      onSubmit={async (values) => {
        const added = await create.mutateAsync(values);
        // The dialog's button goes with the register: the new account's heading takes the focus instead.
        focusHeadingOnArrival();
        onAdded(added.id);
      }}
    >
      {(form) => <AccountFields form={form} />}
    </FormDialog>
  );
}
