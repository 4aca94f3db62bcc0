import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import {
  requiredText,
  secretFieldLabels,
  secretText,
  type Account,
  type SecretField,
} from '../../../../shared/contract';
import { checkPassword } from '../../../../shared/policy/password-policy';
import { useApi } from '../../api/context';
import { useLoad } from '../../hooks/use-load';
import { describedBy, FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { useVault } from '../../vault/VaultProvider';
import { StrengthMeter } from './StrengthMeter';

const schema = z.object({ value: secretText, reason: requiredText('Reason', 300) });
type Values = z.infer<typeof schema>;

interface Props {
  account: Account;
  field: SecretField;
  onSaved: () => void;
}

/**
 * Set or change one secret. Passwords get the generator and live policy
 * feedback. The form lives inside the modal, so closing it (or the vault
 * locking) discards whatever was typed.
 */
export function SetSecretDialog({
  isOpen,
  onOpenChange,
  ...props
}: Props & { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const isPassword = props.field === 'password';
  const label = secretFieldLabels[props.field];
  const verb = props.account.hasPassword && isPassword ? 'Change' : 'Set';
  return (
    <Modal
      title={`${verb} ${label.toLowerCase()} for ${props.account.handle}`}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
    >
      {(close) => <SecretForm {...props} close={close} />}
    </Modal>
  );
}

function SecretForm({ account, field, onSaved, close }: Props & { close: () => void }) {
  const api = useApi();
  const { status } = useVault();
  const loadSettings = useCallback(() => api.settings.get(), [api]);
  // The main process checks again on save; this copy is for live feedback.
  const { data: settings } = useLoad(loadSettings);
  const [generated, setGenerated] = useState<string | null>(null);
  const isPassword = field === 'password';
  const label = secretFieldLabels[field];
  const { register, handleSubmit, setValue, watch, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      value: '',
      reason: account.hasPassword || !isPassword ? '' : 'First password stored in Keyholder',
    },
  });
  const value = watch('value');
  const source = generated !== null && value === generated ? 'generated' : 'typed';
  const live = useMemo(
    () =>
      isPassword && value
        ? checkPassword({
            password: value,
            minLength:
              source === 'generated'
                ? (settings?.minGeneratedPasswordLength ?? 16)
                : (settings?.minTypedPasswordLength ?? 12),
            forbiddenWords: [account.handle, status?.schoolName ?? ''],
          })
        : null,
    [isPassword, value, source, account.handle, status?.schoolName, settings],
  );
  const errors = formState.errors;

  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (values) => {
        try {
          await api.secrets.set(
            {
              accountId: account.id,
              field,
              value: values.value,
              reason: values.reason,
              source,
            },
            { handled: true },
          );
        } catch (error) {
          setError('root', {
            message: error instanceof Error ? error.message : `The ${label.toLowerCase()} was not saved.`,
          });
          return;
        }
        onSaved();
        close();
      })}
    >
      {isPassword ? (
        <div className="actions">
          <button
            type="button"
            onClick={() =>
              void api.vault.generatePassword({}).then(({ password }) => {
                setGenerated(password);
                setValue('value', password, { shouldValidate: true });
              })
            }
          >
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
      <FormFooter
        error={errors.root?.message}
        onCancel={close}
        submitLabel={`Save ${label.toLowerCase()}`}
        disabled={formState.isSubmitting || (live !== null && !live.ok)}
      />
    </form>
  );
}
