import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { settingsSchema, type Settings } from '../../../../shared/policy/settings';
import { AsyncContent } from '../../components/AsyncContent';
import { describedBy, FormField } from '../../components/FormField';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';
import { useVault } from '../../vault/VaultProvider';

const numberFields = [
  { key: 'maxHolders', label: 'Most people who may know a password', hint: 'Policy default: 3.' },
  { key: 'minRunners', label: 'Fewest people who run each account', hint: 'Policy default: 2.' },
  { key: 'generatedPasswordLength', label: 'Length of generated passwords', hint: 'Default 20; at least 16.' },
  {
    key: 'minTypedPasswordLength',
    label: 'Shortest typed-in password allowed',
    hint: 'Default 12; the policy floor is 6.',
  },
  { key: 'lockAfterMinutes', label: 'Lock after this many idle minutes', hint: 'Default 5.' },
  { key: 'clipboardSeconds', label: 'Hide and clear copied passwords after (seconds)', hint: 'Default 30.' },
  { key: 'rotationGraceDays', label: 'Days into a term a termly change may wait', hint: 'Default 7: the first week.' },
  { key: 'rotationDueSoonDays', label: 'Warn this many days before a change is due', hint: 'Default 14.' },
] as const;

// Only what this form edits is sent (the backup folder and its bookkeeping belong to the main process);
// the mailbox names are edited as one comma-separated line.
const formSchema = settingsSchema
  .pick({
    schoolName: true,
    schoolTown: true,
    administratorName: true,
    schoolEmailDomain: true,
    avoidLookAlikes: true,
    ...(Object.fromEntries(numberFields.map(({ key }) => [key, true])) as Record<
      (typeof numberFields)[number]['key'],
      true
    >),
  })
  .extend({ genericMailboxNames: z.string().max(2000) });
type FormValues = z.input<typeof formSchema>;

const toForm = (settings: Settings): FormValues => ({
  ...formSchema.omit({ genericMailboxNames: true }).parse(settings),
  genericMailboxNames: settings.genericMailboxNames.join(', '),
});

export function SettingsForm() {
  const settings = useChannel('settings.get', {});
  return (
    <AsyncContent query={settings} loading="Reading the settings…">
      {(saved) => <SettingsFields saved={saved} />}
    </AsyncContent>
  );
}

function SettingsFields({ saved }: { saved: Settings }) {
  const { refresh } = useVault();
  const update = useMutate('settings.update');
  // Follows what is saved, so after saving the form shows the settings as the main process keeps them.
  const form = useForm({ resolver: zodResolver(formSchema), values: toForm(saved) });
  const { register, handleSubmit, formState } = form;
  const onSubmit = handleSubmit(async ({ genericMailboxNames, ...rest }) => {
    const names = genericMailboxNames
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    await update.mutateAsync({ ...rest, genericMailboxNames: names });
    // The school's name in the sidebar comes with the vault's status.
    await refresh();
  });
  const errors = formState.errors;

  return (
    <form
      className="card settings-form"
      onSubmit={(event) => void onSubmit(event).catch(() => undefined)}
      noValidate
      aria-labelledby="school-title"
    >
      <h2 id="school-title">School and policy</h2>
      <SchoolFields form={form} />
      <div className="field-grid">
        {numberFields.map(({ key, label, hint }) => (
          <FormField key={key} id={key} label={label} hint={hint} error={errors[key]?.message}>
            <input
              type="number"
              inputMode="numeric"
              {...register(key, { valueAsNumber: true })}
              {...describedBy(key, hint, errors[key]?.message)}
            />
          </FormField>
        ))}
      </div>
      <div className="field checkbox">
        <input type="checkbox" id="avoidLookAlikes" {...register('avoidLookAlikes')} />
        <label htmlFor="avoidLookAlikes">
          Leave out look-alike characters (I, l, 1, O, 0) from generated passwords
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Save settings
        </button>
        <SavedNotice message="Settings saved." token={update.isSuccess ? update.data : null} />
      </div>
    </form>
  );
}

/** The school, its administrator and what counts as a school email address. */
function SchoolFields({ form }: { form: UseFormReturn<FormValues, unknown, z.output<typeof formSchema>> }) {
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <>
      <FormField id="schoolName" label="School name" error={errors.schoolName?.message}>
        <input {...register('schoolName')} {...describedBy('schoolName', undefined, errors.schoolName?.message)} />
      </FormField>
      <FormField
        id="schoolTown"
        label="Town or village"
        hint="Backup passphrases may not contain it, nor the school's name."
        error={errors.schoolTown?.message}
      >
        <input {...register('schoolTown')} {...describedBy('schoolTown', 'hint', errors.schoolTown?.message)} />
      </FormField>
      <FormField
        id="administratorName"
        label="Account administrator"
        hint="Recorded as the actor in the audit log."
        error={errors.administratorName?.message}
      >
        <input
          {...register('administratorName')}
          {...describedBy('administratorName', 'hint', errors.administratorName?.message)}
        />
      </FormField>
      <FormField
        id="schoolEmailDomain"
        label="School email domain"
        hint="For example stmarys.sch.uk. Login emails outside it are flagged."
        error={errors.schoolEmailDomain?.message}
      >
        <input
          {...register('schoolEmailDomain')}
          {...describedBy('schoolEmailDomain', 'hint', errors.schoolEmailDomain?.message)}
        />
      </FormField>
      <FormField
        id="genericMailboxNames"
        label="Generic mailbox names"
        hint="Separate with commas, for example office, socialmedia."
        error={errors.genericMailboxNames?.message}
      >
        <input
          {...register('genericMailboxNames')}
          {...describedBy('genericMailboxNames', 'hint', errors.genericMailboxNames?.message)}
        />
      </FormField>
    </>
  );
}
