import { holdersChannels, type Account, type Holder } from '../../../../shared/contract';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { FormField } from '../../components/FormField';
import { useMutate } from '../../data/queries';
import { givenDate } from './form-rules';
import { appToday } from '../../clock';

const schema = holdersChannels['holders.remove'].input.extend({ on: givenDate('Give the date they were removed.') });

/** Removing a holder means the password must change: they still know it. */
export function RemoveHolderDialog({
  holder,
  account,
  onClose,
}: {
  holder: Holder;
  account: Account;
  onClose: () => void;
}) {
  const remove = useMutate('holders.remove', { handled: true });
  return (
    <FormDialog
      title={`Remove ${holder.person.name} from ${account.handle}`}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      schema={schema}
      defaultValues={{ holderId: holder.id, reason: '', on: appToday() }}
      submitLabel="Remove holder"
      canSubmit={(values) => (values.reason ?? '').trim() !== ''}
      onSubmit={(values) => remove.mutateAsync(values)}
    >
      {({ register, control, formState: { errors } }) => (
        <>
          <p>
            {holder.person.name} will still know the current password, so Keyholder will mark {account.handle} as
            needing a new password.
          </p>
          <FormField
            id="remove-reason"
            label="Reason"
            hint="For example: no longer runs the account, left the school."
            error={errors.reason?.message}
          >
            <input id="remove-reason" aria-describedby="remove-reason-hint" {...register('reason')} />
          </FormField>
          <DateField control={control} name="on" label="Removed on" />
        </>
      )}
    </FormDialog>
  );
}
