import { Controller, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import {
  type personInputSchema,
  personRoleLabels,
  personRoleSchema,
  type Person,
  type PersonInput,
} from '../../../../shared/contract';
import { DateField } from '../../components/DateField';
import { describedBy, FormField } from '../../components/FormField';

type PersonForm = UseFormReturn<PersonInput, unknown, z.output<typeof personInputSchema>>;

export function personToValues(p: Person): PersonInput {
  const { name, jobTitle, workEmail, roles, status, leavingOn, leftOn, policyAcknowledgedOn, trainingCompletedOn } = p;
  return { name, jobTitle, workEmail, roles, status, leavingOn, leftOn, policyAcknowledgedOn, trainingCompletedOn };
}

export const noPerson: PersonInput = {
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

/** A member of staff: roles, status, and the two records the policies ask for. Inside a FormDialog. */
export function PersonFields({ form }: { form: PersonForm }) {
  const { register, control, watch, formState } = form;
  const errors = formState.errors;
  const status = watch('status');
  return (
    <>
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
        {status === 'leaving' ? <DateField control={control} name="leavingOn" label="Leaving on" optional /> : null}
        {status === 'left' ? <DateField control={control} name="leftOn" label="Left on" optional /> : null}
        <DateField control={control} name="policyAcknowledgedOn" label="Signed the social media policy on" optional />
        <DateField control={control} name="trainingCompletedOn" label="Training completed on" optional />
      </div>
    </>
  );
}
