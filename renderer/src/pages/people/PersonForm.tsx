import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import {
  personInputSchema,
  personRoleLabels,
  personRoleSchema,
  type Person,
  type PersonInput,
} from '../../../../shared/contract';
import { DateInput } from '../../components/DateInput';
import { describedBy, FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';

export function personToValues(p: Person): PersonInput {
  const { name, jobTitle, workEmail, roles, status, leavingOn, leftOn, policyAcknowledgedOn, trainingCompletedOn } = p;
  return { name, jobTitle, workEmail, roles, status, leavingOn, leftOn, policyAcknowledgedOn, trainingCompletedOn };
}

const empty: PersonInput = {
  name: '',
  jobTitle: '',
  workEmail: '',
  roles: ['staff'],
  status: 'active',
  leavingOn: null,
  leftOn: null,
  policyAcknowledgedOn: null,
  trainingCompletedOn: null,
};

/** A member of staff: roles, status, and the two records the policies ask for. */
export function PersonForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: PersonInput;
  submitLabel: string;
  onSubmit: (v: PersonInput) => Promise<string | null>;
  onCancel: () => void;
}) {
  const { register, handleSubmit, control, watch, setError, formState } = useForm<PersonInput>({
    resolver: zodResolver(personInputSchema),
    defaultValues: initial ?? empty,
  });
  const errors = formState.errors;
  const status = watch('status');
  const dateField = (name: 'leavingOn' | 'leftOn' | 'policyAcknowledgedOn' | 'trainingCompletedOn', label: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <div className="field">
          <DateInput label={label} value={field.value ?? ''} onChange={(v) => field.onChange(v || null)} />
          {fieldState.error ? (
            <p className="field-error" role="alert">
              {fieldState.error.message}
            </p>
          ) : null}
        </div>
      )}
    />
  );
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (values) => {
        const failure = await onSubmit(values);
        if (failure) setError('root', { message: failure });
      })}
    >
      <div className="field-grid">
        <FormField id="person-name" label="Name" error={errors.name?.message}>
          <input {...register('name')} {...describedBy('person-name', undefined, errors.name?.message)} />
        </FormField>
        <FormField id="person-title" label="Job title">
          <input id="person-title" {...register('jobTitle')} />
        </FormField>
        <FormField id="person-email" label="Work email" error={errors.workEmail?.message}>
          <input
            type="email"
            {...register('workEmail')}
            {...describedBy('person-email', undefined, errors.workEmail?.message)}
          />
        </FormField>
        <FormField id="person-status" label="Status">
          <select id="person-status" {...register('status')}>
            <option value="active">At the school</option>
            <option value="leaving">Leaving on a date</option>
            <option value="left">Has left</option>
          </select>
        </FormField>
      </div>
      <Controller
        control={control}
        name="roles"
        render={({ field, fieldState }) => {
          const chosen = new Set(field.value ?? []);
          return (
            <fieldset className="checks">
              <legend>Roles</legend>
              {personRoleSchema.options.map((role) => (
                <label key={role} className="inline">
                  <input
                    type="checkbox"
                    checked={chosen.has(role)}
                    onChange={(e) =>
                      field.onChange(e.target.checked ? [...chosen, role] : [...chosen].filter((r) => r !== role))
                    }
                  />{' '}
                  {personRoleLabels[role]}
                </label>
              ))}
              {fieldState.error ? <p className="field-error">{fieldState.error.message}</p> : null}
            </fieldset>
          );
        }}
      />
      <div className="field-grid">
        {status === 'leaving' ? dateField('leavingOn', 'Leaving on') : null}
        {status === 'left' ? dateField('leftOn', 'Left on') : null}
        {dateField('policyAcknowledgedOn', 'Signed the social media policy on')}
        {dateField('trainingCompletedOn', 'Training completed on')}
      </div>
      <FormFooter
        error={errors.root?.message}
        onCancel={onCancel}
        submitLabel={submitLabel}
        disabled={formState.isSubmitting}
      />
    </form>
  );
}
