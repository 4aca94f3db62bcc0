import { rejectionSchema, type Account } from '../../../../shared/contract';
import { approvalRuleLabels } from '../../../../shared/policy/approval-rules';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { FormField } from '../../components/FormField';
import { useChannel, useMutate } from '../../data/queries';
import { usePeople } from '../../hooks/use-people';
import { schoolApprovers } from './ApprovalDialog';
import { asId, chosenId, givenDate } from './form-rules';
import { appToday } from '../../clock';

const schema = rejectionSchema.extend({
  rejectedById: chosenId('Choose who rejected it.'),
  rejectedOn: givenDate('Give the date it was rejected.'),
});

/** bebington: an application is "approved or rejected". A rejected one is closed, with the reason kept. */
export function RejectDialog({
  account,
  isOpen,
  onOpenChange,
}: {
  account: Account;
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const { people } = usePeople();
  const rule = useChannel('settings.get', {}).data?.approvalRule ?? 'headteacher';
  const reject = useMutate('accounts.reject', { handled: true });
  return (
    <FormDialog
      title={`Reject the application for ${account.handle}`}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      schema={schema}
      defaultValues={{ id: account.id, reason: '', rejectedOn: appToday() }}
      submitLabel="Reject application"
      canSubmit={(values) => (values.reason ?? '').trim() !== ''}
      onSubmit={(values) => reject.mutateAsync(values)}
    >
      {({ register, control, formState: { errors } }) => (
        <>
          <p>The account will be closed. Who rejected it, when and why stay on the account and in the audit log.</p>
          <FormField
            id="rejecter"
            label="Rejected by"
            hint={`School rule: ${approvalRuleLabels[rule]}.`}
            error={errors.rejectedById?.message}
          >
            <select id="rejecter" aria-describedby="rejecter-hint" {...register('rejectedById', { setValueAs: asId })}>
              <option value="">Choose a person</option>
              {schoolApprovers(people, rule).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id="reject-reason" label="Reason" error={errors.reason?.message}>
            <textarea id="reject-reason" rows={3} {...register('reason')} />
          </FormField>
          <DateField control={control} name="rejectedOn" label="Rejected on" />
        </>
      )}
    </FormDialog>
  );
}
