import { approvalSchema, type Account } from '../../../../shared/contract';
import { londonToday } from '../../../../shared/time';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { FormField } from '../../components/FormField';
import { useMutate } from '../../data/queries';
import { isApprover, usePeople } from '../../hooks/use-people';
import { asId, chosenId, givenDate } from './form-rules';

const schema = approvalSchema.extend({
  approvedById: chosenId('Choose who approved it.'),
  approvedOn: givenDate('Give the date it was approved.'),
});

/** Records the Headteacher's or SLT's approval of the business case. */
export function ApprovalDialog({
  account,
  isOpen,
  onOpenChange,
}: {
  account: Account;
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const { people } = usePeople();
  const approvers = people.filter(isApprover);
  const approve = useMutate('accounts.approve', { handled: true });
  return (
    <FormDialog
      title={`Record approval of ${account.handle}`}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      schema={schema}
      defaultValues={{ id: account.id, approvedOn: londonToday(new Date()) }}
      submitLabel="Record approval"
      onSubmit={(values) => approve.mutateAsync(values)}
    >
      {({ register, control, formState: { errors } }) => (
        <>
          <FormField
            id="approver"
            label="Approved by"
            hint="The Headteacher or a member of the SLT."
            error={errors.approvedById?.message}
          >
            <select id="approver" aria-describedby="approver-hint" {...register('approvedById', { setValueAs: asId })}>
              <option value="">Choose a person</option>
              {approvers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          {approvers.length === 0 ? (
            <p className="hint">Nobody is recorded as Headteacher or SLT yet. Add them under People.</p>
          ) : null}
          <DateField control={control} name="approvedOn" label="Approved on" />
        </>
      )}
    </FormDialog>
  );
}
