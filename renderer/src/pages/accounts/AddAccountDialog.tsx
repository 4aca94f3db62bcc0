import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { accountInputSchema } from '../../../../shared/contract';
import { platformIds, platformLabels } from '../../../../shared/policy/platforms';
import { useApi } from '../../api/context';
import { describedBy, FormField } from '../../components/FormField';
import { Modal } from '../../components/Modal';

type Values = z.input<typeof accountInputSchema>;

export function AddAccountDialog({
  isOpen,
  onOpenChange,
  onAdded,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onAdded: () => void;
}) {
  const api = useApi();
  const { register, handleSubmit, reset, setError, formState } = useForm<Values>({
    resolver: zodResolver(accountInputSchema),
    defaultValues: { platform: 'x', handle: '', displayName: '', profileUrl: '', loginEmail: '' },
  });
  const errors = formState.errors;

  return (
    <Modal title="Add an account" isOpen={isOpen} onOpenChange={onOpenChange}>
      {(close) => (
        <form
          noValidate
          onSubmit={handleSubmit(async (values) => {
            try {
              await api.accounts.create(values);
            } catch (error) {
              setError('root', { message: error instanceof Error ? error.message : 'The account was not added.' });
              return;
            }
            reset();
            onAdded();
            close();
          })}
        >
          <FormField id="platform" label="Platform">
            <select {...register('platform')} id="platform">
              {platformIds.map((id) => (
                <option key={id} value={id}>
                  {platformLabels[id]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            id="handle"
            label="Handle"
            hint="As it appears on the platform, for example @stmaryspe."
            error={errors.handle?.message}
          >
            <input {...register('handle')} {...describedBy('handle', 'hint', errors.handle?.message)} />
          </FormField>
          <FormField id="displayName" label="Display name" error={errors.displayName?.message}>
            <input
              {...register('displayName')}
              {...describedBy('displayName', undefined, errors.displayName?.message)}
            />
          </FormField>
          <FormField
            id="profileUrl"
            label="Profile link"
            hint="The full https:// address of the account."
            error={errors.profileUrl?.message}
          >
            <input
              type="url"
              {...register('profileUrl')}
              {...describedBy('profileUrl', 'hint', errors.profileUrl?.message)}
            />
          </FormField>
          <FormField
            id="loginEmail"
            label="Login email"
            hint="Should be a generic school address, not a person's."
            error={errors.loginEmail?.message}
          >
            <input
              type="email"
              {...register('loginEmail')}
              {...describedBy('loginEmail', 'hint', errors.loginEmail?.message)}
            />
          </FormField>
          {errors.root?.message ? (
            <p className="field-error" role="alert">
              {errors.root.message}
            </p>
          ) : null}
          <div className="actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={formState.isSubmitting}>
              Add account
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
