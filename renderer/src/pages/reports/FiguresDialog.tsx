import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { figuresInputSchema, type AccountListRow, type Figures, type FiguresInput } from '../../../../shared/contract';
import {
  engagementKeys,
  engagementWords,
  followerTypeKeys,
  followerTypeLabels,
  newFollowers,
  signed,
} from '../../../../shared/policy/engagement';
import { ApiError } from '../../api/client';
import { DateField } from '../../components/DateField';
import { describedBy, FormField } from '../../components/FormField';
import { FormDialog } from '../../components/FormDialog';
import { useMutate } from '../../data/queries';
import { TermDatesPicker, useTermChoices } from './TermDates';
import { AccountField } from './AccountField';

type Form = UseFormReturn<z.input<typeof figuresInputSchema>, unknown, z.output<typeof figuresInputSchema>>;

const blankToNull = (v: unknown) => (v === '' || v === null ? null : Number(v));

const toInput = (f: Figures): FiguresInput => ({
  accountId: f.accountId,
  from: f.from,
  to: f.to,
  followersStart: f.followersStart,
  followersEnd: f.followersEnd,
  followerTypes: f.followerTypes,
  posts: f.posts,
  shares: f.shares,
  mentions: f.mentions,
  likes: f.likes,
  notes: f.notes,
});

const blank = (accountId: number, term: { from: string; to: string } | null): FiguresInput => ({
  accountId,
  from: term?.from ?? '',
  to: term?.to ?? '',
  followersStart: Number.NaN,
  followersEnd: Number.NaN,
  followerTypes: { schools: null, clubs: null, individuals: null, other: null },
  posts: Number.NaN,
  shares: Number.NaN,
  mentions: Number.NaN,
  likes: Number.NaN,
  notes: '',
});

/**
 * Figures read off the platform's analytics for one period: whole numbers
 * only, the end after the start. An overlap with saved figures is refused
 * first; the administrator may then merge them knowingly.
 */
export function FiguresDialog({
  figures,
  accounts,
  onClose,
  onSaved,
}: {
  /** The figures to edit, or 'new'. */
  figures: Figures | 'new';
  accounts: AccountListRow[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const save = useMutate('figures.save', { handled: true });
  const update = useMutate('figures.update', { handled: true });
  const [overlap, setOverlap] = useState(false);
  // New figures start on the current term's own dates (from the term calendar).
  const { current } = useTermChoices();
  return (
    <FormDialog
      title={figures === 'new' ? 'Enter figures' : 'Edit figures'}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      wide
      schema={figuresInputSchema}
      defaultValues={figures === 'new' ? blank(accounts[0]?.id ?? 0, current) : toInput(figures)}
      submitLabel="Save figures"
      onSubmit={async (values) => {
        try {
          if (figures === 'new') await save.mutateAsync(values);
          else await update.mutateAsync({ id: figures.id, figures: values });
          onSaved();
        } catch (error) {
          setOverlap(error instanceof ApiError && error.code === 'CONFLICT');
          throw error;
        }
      }}
    >
      {(form) => (
        <>
          <FiguresFields form={form} accounts={accounts} />
          {overlap ? <OverlapChoice form={form} onChangeDates={() => setOverlap(false)} /> : null}
        </>
      )}
    </FormDialog>
  );
}

function FiguresFields({ form, accounts }: { form: Form; accounts: AccountListRow[] }) {
  const { register, control, watch, formState } = form;
  const errors = formState.errors;
  const platform = accounts.find((a) => a.id === Number(watch('accountId')))?.platform ?? 'other';
  const words = engagementWords[platform];
  const [start, end] = [Number(watch('followersStart')), Number(watch('followersEnd'))];
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
    <>
      <div className="field-grid">
        <AccountField
          id="figures-account"
          accounts={accounts}
          registration={register('accountId', { valueAsNumber: true })}
        />
        <TermDatesPicker
          id="figures-term"
          from={watch('from')}
          to={watch('to')}
          onPick={({ from, to }) => {
            form.setValue('from', from, { shouldValidate: true });
            form.setValue('to', to, { shouldValidate: true });
          }}
        />
        <DateField control={control} name="from" label="From" />
        <DateField control={control} name="to" label="To" />
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
    </>
  );
}

/** Saved figures overlap these dates (the message is below): merge knowingly, or change the dates. */
function OverlapChoice({ form, onChangeDates }: { form: Form; onChangeDates: () => void }) {
  return (
    <div className="notice" role="note">
      <p>
        Merging makes one entry covering both periods: followers from the earliest start and the latest end, and the
        counts added together, so anything on the shared days is counted twice.
      </p>
      <div className="actions">
        <button type="submit" onClick={() => form.setValue('onOverlap', 'merge')}>
          Merge into one entry
        </button>
        <button
          type="button"
          onClick={() => {
            form.setValue('onOverlap', 'refuse');
            form.clearErrors('root');
            onChangeDates();
          }}
        >
          Change the dates
        </button>
      </div>
    </div>
  );
}
