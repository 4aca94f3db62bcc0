import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passphraseText } from '../../../../shared/contract';
import { checkPassphrase, passphraseMinLength } from '../../../../shared/policy/backup-passphrase';
import { describedBy, FormField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
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
 * (the main process checks again). The form lives inside the modal, so
 * closing it discards what was typed.
 */
export function PassphraseDialog(props: Props) {
  return (
    <Modal title={props.title} isOpen onOpenChange={(open) => (open ? undefined : props.onClose())}>
      {() => <PassphraseForm {...props} />}
    </Modal>
  );
}

function PassphraseForm({ intro, submitLabel, busyLabel, askKeep, onSubmit, onClose }: Props) {
  const { status } = useVault();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, watch, formState } = useForm<PassphraseValues>({
    resolver: zodResolver(schema),
    defaultValues: { passphrase: '', confirm: '', keep: askKeep ?? 10 },
  });
  const value = watch('passphrase');
  const check = useMemo(() => (value ? checkPassphrase(value, status?.schoolName ?? '') : null), [value, status]);
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    if (!checkPassphrase(values.passphrase, status?.schoolName ?? '').ok) {
      setFailure(`Choose a stronger passphrase: at least ${passphraseMinLength} characters, as the list above says.`);
      return;
    }
    try {
      const message = await onSubmit(values);
      if (message) setDone(message);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'That did not work. Try again.');
    }
  });

  if (done) {
    return (
      <div role="status" className="backup-done">
        <p>{done}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
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
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
      {isSubmitting ? (
        <p className="busy-progress" role="status" aria-live="polite">
          <progress aria-label={busyLabel} /> {busyLabel}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" onClick={onClose} disabled={isSubmitting}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
