import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { figuresInputSchema, type Account, type FiguresInput } from '../../../../shared/contract';
import {
  engagementKeys,
  engagementWords,
  followerTypeKeys,
  followerTypeLabels,
  newFollowers,
  signed,
} from '../../../../shared/policy/engagement';
import { DateInput } from '../../components/DateInput';
import { describedBy, FormField } from '../../components/FormField';

export type SubmitResult = null | { message: string; overlap: boolean };

const blankToNull = (v: unknown) => (v === '' || v === null ? null : Number(v));

/**
 * Figures read off the platform's analytics for one period: whole numbers
 * only, the end after the start. An overlap with saved figures is refused
 * first; the administrator may then merge them knowingly.
 */
export function FiguresForm({
  initial,
  accounts,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: FiguresInput;
  accounts: Account[];
  submitLabel: string;
  onSubmit: (values: FiguresInput) => Promise<SubmitResult>;
  onCancel: () => void;
}) {
  const [overlap, setOverlap] = useState<string | null>(null);
  const { register, handleSubmit, control, setError, watch, getValues, formState } = useForm<FiguresInput>({
    resolver: zodResolver(figuresInputSchema),
    defaultValues: initial,
  });
  const errors = formState.errors;
  const platform = accounts.find((a) => a.id === Number(watch('accountId')))?.platform ?? 'other';
  const words = engagementWords[platform];
  const [start, end] = [Number(watch('followersStart')), Number(watch('followersEnd'))];
  const submit = async (values: FiguresInput) => {
    const result = await onSubmit(values);
    if (result?.overlap) setOverlap(result.message);
    else if (result) setError('root', { message: result.message });
  };
  const number = (name: 'followersStart' | 'followersEnd' | (typeof engagementKeys)[number], label: string) => {
    // The schema names the neutral count ("Posts"); beside the field, use the platform's word ("Tweets").
    const error = errors[name]?.message?.replace(/^(Posts|Shares|Mentions|Likes)\b/, label);
    return (
      <FormField key={name} id={`figures-${name}`} label={label} error={error}>
        <input
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          {...register(name, { valueAsNumber: true })}
          {...describedBy(`figures-${name}`, undefined, error)}
        />
      </FormField>
    );
  };
  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <div className="field-grid">
        <FormField id="figures-account" label="Account">
          <select id="figures-account" {...register('accountId', { valueAsNumber: true })}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.handle}
              </option>
            ))}
          </select>
        </FormField>
        <div className="field">
          <Controller
            control={control}
            name="from"
            render={({ field }) => <DateInput label="From" value={field.value} onChange={field.onChange} />}
          />
          {errors.from ? <p className="field-error">{errors.from.message}</p> : null}
        </div>
        <div className="field">
          <Controller
            control={control}
            name="to"
            render={({ field }) => <DateInput label="To" value={field.value} onChange={field.onChange} />}
          />
          {errors.to ? (
            <p className="field-error" role="alert">
              {errors.to.message}
            </p>
          ) : null}
        </div>
      </div>
      <fieldset>
        <legend>Followers</legend>
        <div className="field-grid">
          {number('followersStart', 'Followers at the start')}
          {number('followersEnd', 'Followers at the end')}
          <p className="hint" aria-live="polite">
            New followers: {Number.isInteger(start) && Number.isInteger(end) ? signed(newFollowers(start, end)) : '–'}
          </p>
        </div>
        <p className="hint">Types of follower, where you can tell (leave empty if not known):</p>
        <div className="field-grid">
          {followerTypeKeys.map((k) => (
            <FormField
              key={k}
              id={`figures-type-${k}`}
              label={followerTypeLabels[k]}
              error={errors.followerTypes?.[k]?.message}
            >
              <input
                type="number"
                min={0}
                step={1}
                {...register(`followerTypes.${k}`, { setValueAs: blankToNull })}
                {...describedBy(`figures-type-${k}`, undefined, errors.followerTypes?.[k]?.message)}
              />
            </FormField>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Engagement, in the platform's words</legend>
        <div className="field-grid">{engagementKeys.map((k) => number(k, words[k]))}</div>
      </fieldset>
      <FormField id="figures-notes" label="Notes" hint="Optional: where the figures came from.">
        <input {...register('notes')} {...describedBy('figures-notes', 'hint')} />
      </FormField>
      {errors.root ? (
        <p className="field-error" role="alert">
          {errors.root.message}
        </p>
      ) : null}
      {overlap ? (
        <div className="notice" role="alert">
          <p>{overlap}</p>
          <p>
            Merging makes one entry covering both periods: followers from the earliest start and the latest end, and the
            counts added together, so anything on the shared days is counted twice.
          </p>
          <div className="actions">
            <button type="button" onClick={() => void submit({ ...getValues(), onOverlap: 'merge' })}>
              Merge into one entry
            </button>
            <button type="button" onClick={() => setOverlap(null)}>
              Change the dates
            </button>
          </div>
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
