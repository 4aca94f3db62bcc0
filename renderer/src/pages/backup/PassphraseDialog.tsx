import { useMemo, type ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { passphraseText } from '../../../../shared/contract';
import { checkPassphrase, passphraseMinLength, type SchoolFacts } from '../../../../shared/policy/backup-passphrase';
import { describedBy, FormField } from '../../components/FormField';
import { FormDialog } from '../../components/FormDialog';
import { useChannel } from '../../data/queries';
import { useVault } from '../../vault/VaultProvider';
import { StrengthMeter } from '../accounts/StrengthMeter';
import './backup.css';

const schema = z
  .object({
    passphrase: passphraseText,
    confirm: z.string(),
    keep: z.number().int().min(1, 'Keep at least 1').max(100, 'Keep at most 100'),
  })
  .refine((v) => v.passphrase === v.confirm, { path: ['confirm'], message: 'The two passphrases are different' });
export type PassphraseValues = z.infer<typeof schema>;

interface Props {
  title: string;
  intro: ReactNode;
  submitLabel: string;
  busyLabel: string;
  /** Shows the "how many to keep" field (automatic backups). */
  askKeep?: number;
  /** Does the work; resolves to the message to show, or null when the person cancelled a dialog. */
  onSubmit: (values: PassphraseValues) => Promise<string | null>;
  onClose: () => void;
}

/**
 * A new passphrase, typed twice, with the strength rule shown as it is typed
 * (the main process checks again); once saved, what was saved and where.
 * The form lives inside the dialog, so closing it discards what was typed.
 */
export function PassphraseDialog({ title, intro, submitLabel, busyLabel, askKeep, onSubmit, onClose }: Props) {
  const { status } = useVault();
  const settings = useChannel('settings.get', {});
  // What a guesser knows of the school; until the settings are read, the name from the vault.
  const school: SchoolFacts = settings.data ?? {
    schoolName: status?.schoolName ?? '',
    schoolTown: '',
    schoolEmailDomain: '',
  };
  return (
    <FormDialog
      title={title}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      schema={schema}
      defaultValues={{ passphrase: '', confirm: '', keep: askKeep ?? 10 }}
      submitLabel={submitLabel}
      busyLabel={busyLabel}
      onSubmit={async (values) => {
        if (!checkPassphrase(values.passphrase, school).ok)
          throw new Error('Choose a stronger passphrase: the list under it says what to change.');
        return onSubmit(values);
      }}
      done={(message, close) => (
        <div role="status" className="backup-done">
          <p>{message}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={close}>
              Done
            </button>
          </div>
        </div>
      )}
    >
      {(form) => <PassphraseFields form={form} intro={intro} askKeep={askKeep} school={school} />}
    </FormDialog>
  );
}

function PassphraseFields({
  form,
  intro,
  askKeep,
  school,
}: {
  form: UseFormReturn<z.input<typeof schema>, unknown, PassphraseValues>;
  intro: ReactNode;
  askKeep?: number;
  school: SchoolFacts;
}) {
  const { register, watch, formState } = form;
  const { errors } = formState;
  const value = watch('passphrase');
  const check = useMemo(() => (value ? checkPassphrase(value, school) : null), [value, school]);
  return (
    <>
      <div className="backup-intro">{intro}</div>
      <FormField
        id="passphrase"
        label="Passphrase"
        hint={`At least ${passphraseMinLength} characters with letters, numbers and a special character. Write it down and keep it somewhere safe away from this computer: without it the file cannot be opened, by anyone.`}
        error={errors.passphrase?.message}
      >
        <input
          type="password"
          autoComplete="new-password"
          {...register('passphrase')}
          {...describedBy('passphrase', 'hint', errors.passphrase?.message)}
        />
      </FormField>
      {check ? <StrengthMeter check={check} /> : null}
      <FormField id="confirm" label="Type the passphrase again" error={errors.confirm?.message}>
        <input
          type="password"
          autoComplete="new-password"
          {...register('confirm')}
          {...describedBy('confirm', undefined, errors.confirm?.message)}
        />
      </FormField>
      {askKeep !== undefined ? (
        <FormField
          id="keep"
          label="Backups to keep"
          hint="Older automatic backups in the folder are deleted."
          error={errors.keep?.message}
        >
          <input
            type="number"
            min={1}
            max={100}
            {...register('keep', { valueAsNumber: true })}
            {...describedBy('keep', 'hint', errors.keep?.message)}
          />
        </FormField>
      ) : null}
    </>
  );
}
