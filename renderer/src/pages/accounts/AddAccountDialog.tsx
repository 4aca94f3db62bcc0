import { accountInputSchema } from '../../../../shared/contract';
import { FormDialog } from '../../components/FormDialog';
import { useMutate } from '../../data/queries';
import { AccountFields, noAccount } from './AccountForm';

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
      onSubmit={async (values) => onAdded((await create.mutateAsync(values)).id)}
    >
      {(form) => <AccountFields form={form} />}
    </FormDialog>
  );
}
