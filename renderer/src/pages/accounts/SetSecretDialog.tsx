import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { secretFieldLabels, secretsChannels, type Account, type SecretField } from '../../../../shared/contract';
import { checkPassword, type PasswordCheck } from '../../../../shared/policy/password-policy';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { describedBy, FormField } from '../../components/FormField';
import { useChannel, useMutate } from '../../data/queries';
import { useVault } from '../../vault/VaultProvider';
import { StrengthMeter } from './StrengthMeter';

/** What the administrator fills in; the account, the field and where the value came from are added on saving. */
const schema = secretsChannels['secrets.set'].input.pick({ value: true, reason: true });
type Values = z.input<typeof schema>;

interface Props {
  account: Account;
  field: SecretField;
  onSaved: () => void;
}

/**
 * Set or change one secret. Passwords get the generator and live policy
 * feedback, and cannot be saved while the policy refuses them. The form
 * lives inside the modal, so closing it (or the vault locking) discards
 * whatever was typed.
 */
export function SetSecretDialog({
  account,
  field,
  onSaved,
  isOpen,
  onOpenChange,
}: Props & { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { status } = useVault();
  // The main process checks again on save; this copy is for live feedback.
  const settings = useChannel('settings.get', {}, { enabled: isOpen }).data;
  const save = useMutate('secrets.set', { handled: true });
  const [generated, setGenerated] = useState<string | null>(null);
  const isPassword = field === 'password';
  const label = secretFieldLabels[field];
  const verb = account.hasPassword && isPassword ? 'Change' : 'Set';
  const source = (value: string) => (generated !== null && value === generated ? 'generated' : 'typed');
  const check = (value: string | undefined): PasswordCheck | null =>
    isPassword && value
      ? checkPassword({
          password: value,
          minLength:
            source(value) === 'generated'
              ? (settings?.minGeneratedPasswordLength ?? 16)
              : (settings?.minTypedPasswordLength ?? 12),
          forbiddenWords: [account.handle, status?.schoolName ?? ''],
        })
      : null;

  return (
    <FormDialog
      title={`${verb} ${label.toLowerCase()} for ${account.handle}`}
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) setGenerated(null);
        onOpenChange(open);
      }}
      schema={schema}
      defaultValues={{
        value: '',
        reason: account.hasPassword || !isPassword ? '' : 'First password stored in Keyholder',
      }}
      submitLabel={`Save ${label.toLowerCase()}`}
      canSubmit={(values) => check(values.value)?.ok ?? true}
      onSubmit={async (values) => {
        await save.mutateAsync({ accountId: account.id, field, source: source(values.value), ...values });
        onSaved();
      }}
    >
      {(form) => <SecretFields form={form} field={field} check={check} onGenerated={setGenerated} />}
    </FormDialog>
  );
}

function SecretFields({
  form,
  field,
  check,
  onGenerated,
}: {
  form: UseFormReturn<Values, unknown, z.output<typeof schema>>;
  field: SecretField;
  check: (value: string | undefined) => PasswordCheck | null;
  onGenerated: (password: string) => void;
}) {
  // A new password each time, changing nothing stored: a plain call, not cached.
  const api = useApi();
  const { register, setValue, watch, formState } = form;
  const errors = formState.errors;
  const isPassword = field === 'password';
  const label = secretFieldLabels[field];
  const live = check(watch('value'));
  const generate = () =>
    void api.vault.generatePassword({}).then(({ password }) => {
      onGenerated(password);
      setValue('value', password, { shouldValidate: true });
    });
  return (
    <>
      {isPassword ? (
        <div className="actions">
          <button type="button" onClick={generate}>
            Generate a strong password
          </button>
        </div>
      ) : null}
      <FormField
        id="secret-value"
        label={isPassword ? 'New password' : label}
        hint={
          isPassword
            ? 'Generate one, or type the password you set on the platform.'
            : 'Paste exactly what the platform gave you.'
        }
        error={errors.value?.message}
      >
        {isPassword ? (
          <input
            autoComplete="off"
            spellCheck={false}
            className="mono"
            {...register('value')}
            {...describedBy('secret-value', 'hint', errors.value?.message)}
          />
        ) : (
          <textarea
            rows={5}
            spellCheck={false}
            className="mono"
            {...register('value')}
            {...describedBy('secret-value', 'hint', errors.value?.message)}
          />
        )}
      </FormField>
      {live ? <StrengthMeter check={live} /> : null}
      <FormField
        id="secret-reason"
        label="Reason"
        hint="For example: first password stored, termly change, holder left."
        error={errors.reason?.message}
      >
        <input {...register('reason')} {...describedBy('secret-reason', 'hint', errors.reason?.message)} />
      </FormField>
    </>
  );
}
