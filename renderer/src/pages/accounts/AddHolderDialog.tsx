import { useState } from 'react';
import { addHolderSchema, type Account } from '../../../../shared/contract';
import { ApiError } from '../../api/client';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { FormField } from '../../components/FormField';
import { useChannel, useMutate } from '../../data/queries';
import { mayHold } from '../../../../shared/policy/approval-rules';
import { isApprover, usePeople } from '../../hooks/use-people';
import { asId, chosenId, givenDate } from './form-rules';
import { appToday } from '../../clock';

const schema = addHolderSchema.extend({
  personId: chosenId('Choose the member of staff.'),
  authorisedById: chosenId('Choose who authorised it.'),
  authorisedOn: givenDate('Give the date it was authorised.'),
});

/**
 * Adds a named holder, authorised by the Headteacher or SLT. At the limit
 * (policy: three) the main process refuses; the dialog then asks for the
 * written reason an override needs.
 */
export function AddHolderDialog({
  account,
  currentCount,
  isOpen,
  onOpenChange,
}: {
  account: Account;
  currentCount: number;
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
}) {
  const { people } = usePeople();
  const add = useMutate('holders.add', { handled: true });
  const [needsOverride, setNeedsOverride] = useState(false);
  // sutton-manor: where only the SLT may know the passwords, only they are offered (the main process checks too).
  const sltOnly = useChannel('settings.get', {}).data?.holdersMustBeSlt ?? false;
  const candidates = people.filter((p) => p.status === 'active' && mayHold(sltOnly, p.roles));
  const openChange = (open: boolean) => {
    // Closed, the dialog starts again next time: no refusal yet, so no reason asked for.
    if (!open) setNeedsOverride(false);
    onOpenChange(open);
  };

  return (
    <FormDialog
      title={`Add a named holder to ${account.handle}`}
      isOpen={isOpen}
      onOpenChange={openChange}
      schema={schema}
      defaultValues={{
        accountId: account.id,
        authorisedOn: appToday(),
        overrideReason: '',
        accessEndsOn: null,
      }}
      submitLabel={needsOverride ? 'Add anyway, with this reason' : 'Add holder'}
      canSubmit={(values) => !needsOverride || (values.overrideReason ?? '').trim() !== ''}
      onSubmit={async (values) => {
        try {
          await add.mutateAsync({ ...values, overrideReason: needsOverride ? values.overrideReason : '' });
        } catch (error) {
          if (error instanceof ApiError && error.code === 'POLICY' && /allows/.test(error.message))
            setNeedsOverride(true);
          throw error;
        }
      }}
    >
      {({ register, control, formState: { errors } }) => (
        <>
          <p className="hint">
            {currentCount} named {currentCount === 1 ? 'person knows' : 'people know'} this password now.
          </p>
          <FormField
            id="holder-person"
            label="Person"
            hint={sltOnly ? 'School rule: only the Headteacher and SLT know the passwords.' : undefined}
            error={errors.personId?.message}
          >
            <select
              id="holder-person"
              aria-describedby={sltOnly ? 'holder-person-hint' : undefined}
              {...register('personId', { setValueAs: asId })}
            >
              <option value="">Choose a member of staff</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.policyAcknowledgedOn && p.trainingCompletedOn ? '' : ' (policy or training not recorded)'}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            id="holder-authoriser"
            label="Authorised by"
            hint="The Headteacher or a member of the SLT."
            error={errors.authorisedById?.message}
          >
            <select
              id="holder-authoriser"
              aria-describedby="holder-authoriser-hint"
              {...register('authorisedById', { setValueAs: asId })}
            >
              <option value="">Choose a person</option>
              {people.filter(isApprover).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          <DateField control={control} name="authorisedOn" label="Authorised on" />
          <DateField control={control} name="accessEndsOn" label="Access ends on (optional)" optional />
          <p className="hint">
            For temporary access, such as a trip: on that day Keyholder removes them and the password must be changed.
          </p>
          {needsOverride ? (
            <FormField id="holder-override" label="Reason to go over the limit" hint="Recorded in the audit log.">
              <textarea
                id="holder-override"
                aria-describedby="holder-override-hint"
                rows={2}
                {...register('overrideReason')}
              />
            </FormField>
          ) : null}
        </>
      )}
    </FormDialog>
  );
}
