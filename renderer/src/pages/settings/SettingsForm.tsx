import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { settingsSchema, type Settings } from '../../../../shared/policy/settings';
import { useApi } from '../../api/context';
import { describedBy, FormField } from '../../components/FormField';
import { useVault } from '../../vault/VaultProvider';

// The form edits the mailbox names as one comma-separated line.
const formSchema = settingsSchema.extend({ genericMailboxNames: z.string().max(2000) });
type FormValues = z.input<typeof formSchema>;

const numberFields: { key: keyof Settings; label: string; hint: string }[] = [
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
];

export function SettingsForm() {
  const api = useApi();
  const { refresh } = useVault();
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, reset, formState } = useForm<FormValues>({ resolver: zodResolver(formSchema) });

  useEffect(() => {
    void api.settings
      .get()
      .then((settings) => reset({ ...settings, genericMailboxNames: settings.genericMailboxNames.join(', ') }));
  }, [api, reset]);

  const onSubmit = handleSubmit(async (values) => {
    setSaved(null);
    const { genericMailboxNames, ...rest } = formSchema.parse(values);
    const names = genericMailboxNames
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const settings = await api.settings.update({ ...rest, genericMailboxNames: names });
    reset({ ...settings, genericMailboxNames: settings.genericMailboxNames.join(', ') });
    await refresh();
    setSaved('Settings saved.');
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
      <FormField id="schoolName" label="School name" error={errors.schoolName?.message}>
        <input {...register('schoolName')} {...describedBy('schoolName', undefined, errors.schoolName?.message)} />
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
        {saved ? <span role="status">{saved}</span> : null}
      </div>
    </form>
  );
}
