import { sltToldSchema, websiteLinkSchema, type Account } from '../../../../shared/contract';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { describedBy, FormField } from '../../components/FormField';
import { useMutate } from '../../data/queries';
import { usePeople } from '../../hooks/use-people';
import { asId, chosenId, givenDate } from './form-rules';
import { appToday } from '../../clock';

interface DialogProps {
  account: Account;
  onClose: () => void;
}

const toldSchema = sltToldSchema.extend({
  toPersonId: chosenId('Choose the member of SLT you told.'),
  on: givenDate('Give the date you told them.'),
});

/** north-herts 5: the account's address and identity sent to a named member of SLT. */
export function SltToldDialog({ account, onClose }: DialogProps) {
  const { people } = usePeople();
  const slt = people.filter((p) => p.status !== 'left' && (p.roles.includes('slt') || p.roles.includes('headteacher')));
  const record = useMutate('accounts.recordSltTold', { handled: true });
  const told = account.launch.sltTold;
  return (
    <FormDialog
      title={`Record who in SLT was sent ${account.handle}`}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      schema={toldSchema}
      defaultValues={{ id: account.id, toPersonId: told?.person.id, on: told?.on ?? appToday() }}
      submitLabel="Record"
      onSubmit={(values) => record.mutateAsync(values)}
    >
      {({ register, control, formState: { errors } }) => (
        <>
          <p className="hint">
            Send them the account&apos;s address{account.profileUrl ? ` (${account.profileUrl})` : ''} and how it
            appears: its handle, full name and display name.
          </p>
          <FormField id="slt-told-person" label="Member of SLT told" error={errors.toPersonId?.message}>
            <select id="slt-told-person" {...register('toPersonId', { setValueAs: asId })}>
              <option value="">Choose a person</option>
              {slt.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          {slt.length === 0 ? (
            <p className="hint">Nobody is recorded as Headteacher or SLT yet. Add them under People.</p>
          ) : null}
          <DateField control={control} name="on" label="Sent on" />
        </>
      )}
    </FormDialog>
  );
}

const linkSchema = websiteLinkSchema.extend({ on: givenDate('Give the date the link went up.') });

/** sutton-manor 6.5: the account linked from the school website, so people can tell it is genuine. */
export function WebsiteLinkDialog({ account, onClose }: DialogProps) {
  const record = useMutate('accounts.recordWebsiteLink', { handled: true });
  const linked = account.launch.websiteLinked;
  return (
    <FormDialog
      title={`Record the school website's link to ${account.handle}`}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      schema={linkSchema}
      defaultValues={{ id: account.id, pageUrl: linked?.pageUrl ?? '', on: linked?.on ?? appToday() }}
      submitLabel="Record"
      onSubmit={(values) => record.mutateAsync(values)}
    >
      {({ register, control, formState: { errors } }) => (
        <>
          <FormField
            id="website-page"
            label="Page on the school website (optional)"
            hint="The full address of the page that links to the account."
            error={errors.pageUrl?.message}
          >
            <input
              type="url"
              {...register('pageUrl')}
              {...describedBy('website-page', 'hint', errors.pageUrl?.message)}
            />
          </FormField>
          <DateField control={control} name="on" label="Linked on" />
        </>
      )}
    </FormDialog>
  );
}
