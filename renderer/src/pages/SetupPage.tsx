import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { setupInputSchema, type SetupInput } from '../../../shared/contract';
import { ApiError } from '../api/client';
import { describedBy, FormField } from '../components/FormField';
import { useVault } from '../vault/VaultProvider';
import { RestoreFromBackupButton } from './backup/RestoreWizard';

/** First run: name the school and the administrator; the vault key is made and stored in the keychain. */
export function SetupPage() {
  const { setup } = useVault();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetupInput>({
    resolver: zodResolver(setupInputSchema),
    defaultValues: { schoolName: '', administratorName: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    try {
      await setup(values);
    } catch (error) {
      // Only the main process's own words are shown; anything else would be a program fault, not advice.
      const message = error instanceof ApiError ? error.message : 'Keyholder could not be set up. Try again.';
      setError('root', { message });
    }
  });

  return (
    <main className="setup" id="main">
      <section className="card setup-card" aria-labelledby="setup-title">
        <img src="./keyholder-mark.svg" alt="" width={48} height={48} />
        <h1 id="setup-title">Welcome to Keyholder</h1>
        <p>
          Keyholder keeps your school&apos;s social media passwords in an encrypted vault on this computer. Its key is
          kept in this computer&apos;s own keychain, so only you, logged in here, can open it.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <FormField id="schoolName" label="School name" error={errors.schoolName?.message}>
            <input
              {...register('schoolName')}
              {...describedBy('schoolName', undefined, errors.schoolName?.message)}
              autoComplete="organization"
            />
          </FormField>
          <FormField
            id="administratorName"
            label="Your name"
            hint="Recorded as the account administrator in the audit log."
            error={errors.administratorName?.message}
          >
            <input
              {...register('administratorName')}
              {...describedBy('administratorName', 'hint', errors.administratorName?.message)}
              autoComplete="name"
            />
          </FormField>
          {errors.root ? (
            <p className="field-error" role="alert">
              {errors.root.message}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Creating the vault…' : 'Create the vault'}
          </button>
        </form>
        <RestoreFromBackupButton />
      </section>
    </main>
  );
}
