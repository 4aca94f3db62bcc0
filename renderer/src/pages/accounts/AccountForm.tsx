import { Controller, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { repliesLabels, type accountInputSchema, type Account } from '../../../../shared/contract';
import { platformIds, platformLabels } from '../../../../shared/policy/platforms';
import { describedBy, FormField } from '../../components/FormField';
import { usePeople } from '../../hooks/use-people';
import { PeoplePicker } from '../../components/PeoplePicker';

export type AccountValues = z.input<typeof accountInputSchema>;
type AccountForm = UseFormReturn<AccountValues, unknown, z.output<typeof accountInputSchema>>;

export const noAccount: AccountValues = {
  platform: 'x',
  handle: '',
  fullName: '',
  displayName: '',
  profileUrl: '',
  loginUrl: '',
  loginEmail: '',
  username: '',
  twoFactorMethod: 'none',
  replies: 'reply',
  notes: '',
  leadPersonId: null,
  businessCase: { aim: '', audience: '', promotion: '', visibility: '', runnerIds: [] },
};

export const twoFactorLabels = {
  none: 'None',
  'authenticator-app': 'Authenticator app',
  sms: 'Text message (SMS)',
  email: 'Email code',
  'security-key': 'Security key',
  other: 'Other',
} as const;

export function accountToValues(account: Account): AccountValues {
  return {
    platform: account.platform,
    handle: account.handle,
    fullName: account.fullName,
    displayName: account.displayName,
    profileUrl: account.profileUrl,
    loginUrl: account.loginUrl,
    loginEmail: account.loginEmail,
    username: account.username,
    twoFactorMethod: account.twoFactorMethod,
    replies: account.replies,
    notes: account.notes,
    leadPersonId: account.lead?.id ?? null,
    businessCase: { ...account.businessCase, runnerIds: account.businessCase.runners.map((r) => r.id) },
  };
}

/**
 * The account record and its business case (bebington "Process for Creating
 * New Accounts"), in a FormDialog validated with the same zod schema the
 * main process uses.
 */
export function AccountFields({ form }: { form: AccountForm }) {
  const { people } = usePeople();
  const eligible = people.filter((p) => p.status !== 'left');
  const { register, control, formState } = form;
  const errors = formState.errors;
  const e = (message?: string) => message;
  // Anything refused that has no message beside its field still gets one here.
  const hidden =
    formState.submitCount > 0 && errors.businessCase
      ? 'Check the business case: one of its answers was not accepted.'
      : null;

  return (
    <>
      <fieldset>
        <legend>The account</legend>
        <div className="field-grid">
          <FormField id="platform" label="Platform">
            <select id="platform" {...register('platform')}>
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
            hint="As shown on the platform, for example @stmaryspe."
            error={e(errors.handle?.message)}
          >
            <input {...register('handle')} {...describedBy('handle', 'hint', errors.handle?.message)} />
          </FormField>
          <FormField
            id="fullName"
            label="Full name"
            hint="The account's name in full on its profile, for example Oakfield Primary School PE Department."
            error={e(errors.fullName?.message)}
          >
            <input {...register('fullName')} {...describedBy('fullName', 'hint', errors.fullName?.message)} />
          </FormField>
          <FormField
            id="displayName"
            label="Display name"
            hint="The name shown beside its posts, for example Oakfield PE."
            error={e(errors.displayName?.message)}
          >
            <input {...register('displayName')} {...describedBy('displayName', 'hint', errors.displayName?.message)} />
          </FormField>
          <FormField
            id="profileUrl"
            label="Profile link"
            hint="The full https:// address."
            error={e(errors.profileUrl?.message)}
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
            hint="A generic school address, not a person's."
            error={e(errors.loginEmail?.message)}
          >
            <input
              type="email"
              {...register('loginEmail')}
              {...describedBy('loginEmail', 'hint', errors.loginEmail?.message)}
            />
          </FormField>
          <FormField
            id="username"
            label="Username"
            hint="The name typed to log in, if it is not the handle or the login email."
            error={e(errors.username?.message)}
          >
            <input {...register('username')} {...describedBy('username', 'hint', errors.username?.message)} />
          </FormField>
          <FormField
            id="loginUrl"
            label="Login page"
            hint="Where the password is typed, if it is not the profile link (https://)."
            error={e(errors.loginUrl?.message)}
          >
            <input
              type="url"
              {...register('loginUrl')}
              {...describedBy('loginUrl', 'hint', errors.loginUrl?.message)}
            />
          </FormField>
          <FormField id="twoFactorMethod" label="Two-factor sign-in">
            <select id="twoFactorMethod" {...register('twoFactorMethod')}>
              {Object.entries(twoFactorLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            id="replies"
            label="Comments"
            hint="Broadcast only: comments are still logged, and abuse reported, but no reply is due."
          >
            <select id="replies" {...register('replies')} {...describedBy('replies', 'hint')}>
              {Object.entries(repliesLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id="leadPersonId" label="Lead member of staff" hint="Runs the account day to day.">
            <Controller
              control={control}
              name="leadPersonId"
              render={({ field }) => (
                <select
                  id="leadPersonId"
                  aria-describedby="leadPersonId-hint"
                  value={field.value ?? ''}
                  onChange={(ev) => field.onChange(ev.target.value ? Number(ev.target.value) : null)}
                >
                  <option value="">No lead yet</option>
                  {eligible.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            />
          </FormField>
        </div>
        <FormField id="notes" label="Notes" hint="Never put passwords here." error={e(errors.notes?.message)}>
          <textarea rows={2} {...register('notes')} {...describedBy('notes', 'hint', errors.notes?.message)} />
        </FormField>
      </fieldset>
      <fieldset>
        <legend>Business case</legend>
        <FormField id="bc-aim" label="Aim of the account">
          <textarea id="bc-aim" rows={2} {...register('businessCase.aim')} />
        </FormField>
        <FormField id="bc-audience" label="Intended audience">
          <textarea id="bc-audience" rows={2} {...register('businessCase.audience')} />
        </FormField>
        <FormField id="bc-promotion" label="How it will be promoted">
          <textarea id="bc-promotion" rows={2} {...register('businessCase.promotion')} />
        </FormField>
        <div className="field" role="radiogroup" aria-labelledby="bc-visibility-label">
          <span id="bc-visibility-label" className="label">
            Open or private
          </span>
          <label className="inline">
            <input type="radio" value="open" {...register('businessCase.visibility')} /> Open
          </label>
          <label className="inline">
            <input type="radio" value="private" {...register('businessCase.visibility')} /> Private or closed
          </label>
        </div>
        <Controller
          control={control}
          name="businessCase.runnerIds"
          render={({ field }) => (
            <PeoplePicker
              legend="Who will run it (name at least two)"
              people={eligible}
              value={field.value ?? []}
              onChange={field.onChange}
            />
          )}
        />
      </fieldset>
      {hidden ? (
        <p className="field-error" role="alert">
          {hidden}
        </p>
      ) : null}
    </>
  );
}
