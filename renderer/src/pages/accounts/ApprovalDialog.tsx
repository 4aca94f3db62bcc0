import { approvalSchema, type Account, type Person } from '../../../../shared/contract';
import { approvalRuleLabels, mayApprove, type ApprovalRule } from '../../../../shared/policy/approval-rules';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { FormField } from '../../components/FormField';
import { useChannel, useMutate } from '../../data/queries';
import { usePeople } from '../../hooks/use-people';
import { asId, chosenId, givenDate } from './form-rules';
import { appToday } from '../../clock';

const schema = approvalSchema.extend({
  approvedById: chosenId('Choose who approved it.'),
  approvedOn: givenDate('Give the date it was approved.'),
});

/** Who may approve under the school's rule (a setting), still at the school. */
export function schoolApprovers(people: Person[], rule: ApprovalRule): Person[] {
  return people.filter((p) => p.status !== 'left' && mayApprove(rule, p.roles));
}

/** Records the school's approval of the business case, by its own rule (Headteacher by default). */
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
  const rule = useChannel('settings.get', {}).data?.approvalRule ?? 'headteacher';
  const approvers = schoolApprovers(people, rule);
  const governors = people.filter((p) => p.status !== 'left' && p.roles.includes('governor'));
  const withGovernor = rule === 'headteacher-and-governor';
  const approve = useMutate('accounts.approve', { handled: true });
  return (
    <FormDialog
      title={`Record approval of ${account.handle}`}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      schema={schema}
      defaultValues={{ id: account.id, governorId: null, approvedOn: appToday() }}
      submitLabel="Record approval"
      onSubmit={(values) => approve.mutateAsync({ ...values, governorId: withGovernor ? values.governorId : null })}
    >
      {({ register, control, formState: { errors } }) => (
        <>
          <p className="hint">School rule: {approvalRuleLabels[rule]}.</p>
          <FormField id="approver" label="Approved by" error={errors.approvedById?.message}>
            <select id="approver" {...register('approvedById', { setValueAs: asId })}>
              <option value="">Choose a person</option>
              {approvers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          {approvers.length === 0 ? (
            <p className="hint">
              Nobody is recorded as {rule === 'headteacher-or-slt' ? 'Headteacher or SLT' : 'Headteacher'} yet. Add them
              under People.
            </p>
          ) : null}
          {withGovernor ? (
            <FormField id="approver-governor" label="Governor who approved it" error={errors.governorId?.message}>
              <select
                id="approver-governor"
                {...register('governorId', { setValueAs: (v: unknown) => asId(v) ?? null })}
              >
                <option value="">Choose a governor</option>
                {governors.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </FormField>
          ) : null}
          <DateField control={control} name="approvedOn" label="Approved on" />
        </>
      )}
    </FormDialog>
  );
}
