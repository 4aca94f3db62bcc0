import { z } from 'zod';
import { accountStatusSchema, statusChangeSchema, type Account } from '../../../../shared/contract';
import { statusTransitions } from '../../../../shared/policy/account-lifecycle';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { FormField } from '../../components/FormField';
import { useMutate } from '../../data/queries';
import { givenDate } from './form-rules';
import { statusLabels } from './register-columns';
import { appToday } from '../../clock';

const schema = statusChangeSchema.extend({
  status: z.enum(accountStatusSchema.options, { error: 'Choose the new status.' }),
  on: givenDate('Give the date of the change.'),
});

/** Moves an account along its lifecycle; activating without approval needs a written reason. */
export function StatusDialog({
  account,
  isOpen,
  onOpenChange,
}: {
  account: Account;
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const setStatus = useMutate('accounts.setStatus', { handled: true });
  return (
    <FormDialog
      title={`Change the status of ${account.handle}`}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      schema={schema}
      defaultValues={{ id: account.id, on: appToday(), overrideReason: '' }}
      submitLabel="Change status"
      onSubmit={(values) => setStatus.mutateAsync(values)}
    >
      {({ register, control, formState: { errors } }) => (
        <>
          <p>
            Now <strong>{statusLabels[account.status]}</strong>.
          </p>
          <FormField id="new-status" label="New status" error={errors.status?.message}>
            <select id="new-status" {...register('status')}>
              <option value="">Choose</option>
              {statusTransitions[account.status].map((s) => (
                <option key={s} value={s}>
                  {statusLabels[s]}
                </option>
              ))}
            </select>
          </FormField>
          <DateField control={control} name="on" label="Date of the change" />
          <FormField
            id="override"
            label="Reason to override (only if the policy's conditions are not met)"
            hint="Activating needs the Headteacher's approval and a complete business case. If you must go ahead without them, say why."
            error={errors.overrideReason?.message}
          >
            <textarea id="override" aria-describedby="override-hint" rows={2} {...register('overrideReason')} />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
