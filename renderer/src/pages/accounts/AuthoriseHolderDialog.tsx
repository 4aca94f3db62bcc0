import { holdersChannels, type Account, type Holder } from '../../../../shared/contract';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { FormField } from '../../components/FormField';
import { useMutate } from '../../data/queries';
import { isApprover, usePeople } from '../../hooks/use-people';
import { asId, chosenId, givenDate } from './form-rules';
import { appToday } from '../../clock';

const schema = holdersChannels['holders.authorise'].input.extend({
  authorisedById: chosenId('Choose who authorised it.'),
  authorisedOn: givenDate('Give the date it was authorised.'),
});

/**
 * A holder brought in by an import has no recorded authorisation (the
 * spreadsheet only said who knew the password): this records who of the
 * Headteacher or SLT authorised them, and when.
 */
export function AuthoriseHolderDialog({
  holder,
  account,
  onClose,
}: {
  holder: Holder;
  account: Account;
  onClose: () => void;
}) {
  const { people } = usePeople();
  const authorise = useMutate('holders.authorise', { handled: true });
  return (
    <FormDialog
      title={`Record who authorised ${holder.person.name}`}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      schema={schema}
      defaultValues={{ holderId: holder.id, authorisedOn: appToday() }}
      submitLabel="Record authorisation"
      canSubmit={(values) => values.authorisedById !== undefined}
      onSubmit={(values) => authorise.mutateAsync(values)}
    >
      {({ register, control, formState: { errors } }) => (
        <>
          <p>
            {holder.person.name} knows the password of {account.handle}. Record the Headteacher or SLT member who
            authorised that.
          </p>
          <FormField
            id="authorise-by"
            label="Authorised by"
            hint="The Headteacher or a member of the SLT."
            error={errors.authorisedById?.message}
          >
            <select
              id="authorise-by"
              aria-describedby="authorise-by-hint"
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
        </>
      )}
    </FormDialog>
  );
}
