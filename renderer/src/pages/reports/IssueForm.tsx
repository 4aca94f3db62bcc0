import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { issueInputSchema, type Account, type IssueInput, type Person } from '../../../../shared/contract';
import {
  complaintAcknowledgement,
  issueActionKeys,
  issueActionLabels,
  issueKindLabels,
  issueKinds,
} from '../../../../shared/policy/issue-rules';
import { useApi } from '../../api/context';
import { DateInput } from '../../components/DateInput';
import { describedBy, FormField } from '../../components/FormField';
import { isApprover, todayIso } from '../../hooks/use-people';

/**
 * One entry of the issues and actions log, validated with the same zod
 * schema the main process uses. Complaints offer the standard public
 * acknowledgement (north-herts 6.3); abuse asks for the SLT report (6.4).
 */
export function IssueForm({
  initial,
  accounts,
  people,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: IssueInput;
  accounts: Account[];
  people: Person[];
  submitLabel: string;
  onSubmit: (values: IssueInput) => Promise<string | null>;
  onCancel: () => void;
}) {
  const api = useApi();
  const [copied, setCopied] = useState(false);
  const { register, handleSubmit, control, setError, setValue, watch, formState } = useForm<IssueInput>({
    resolver: zodResolver(issueInputSchema),
    defaultValues: initial,
  });
  const errors = formState.errors;
  const kind = watch('kind');
  const slt = people.filter(isApprover);
  const copy = async () => {
    await api.issues.copyAcknowledgement();
    setCopied(true);
  };
  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (values) => {
        const failure = await onSubmit(values);
        if (failure) setError('root', { message: failure });
      })}
    >
      <div className="field-grid">
        <FormField id="issue-account" label="Account">
          <select id="issue-account" {...register('accountId', { valueAsNumber: true })}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.handle}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="issue-kind" label="Kind">
          <select id="issue-kind" {...register('kind')}>
            {issueKinds.map((k) => (
              <option key={k} value={k}>
                {issueKindLabels[k]}
              </option>
            ))}
          </select>
        </FormField>
        <div className="field">
          <Controller
            control={control}
            name="receivedOn"
            render={({ field }) => <DateInput label="Received on" value={field.value} onChange={field.onChange} />}
          />
          {errors.receivedOn ? <p className="field-error">{errors.receivedOn.message}</p> : null}
        </div>
        <FormField id="issue-time" label="Received at (UK time)" error={errors.receivedTime?.message}>
          <input
            type="time"
            {...register('receivedTime')}
            {...describedBy('issue-time', undefined, errors.receivedTime?.message)}
          />
        </FormField>
      </div>
      <FormField
        id="issue-comment"
        label="Original comment"
        hint="Copy it word for word."
        error={errors.originalComment?.message}
      >
        <textarea
          rows={3}
          {...register('originalComment')}
          {...describedBy('issue-comment', 'hint', errors.originalComment?.message)}
        />
      </FormField>
      {kind === 'complaint' ? (
        <div className="notice" role="note">
          <p>Acknowledge complaints publicly, without accepting liability: “{complaintAcknowledgement}”</p>
          <div className="actions">
            <button type="button" onClick={() => void copy()}>
              Copy the acknowledgement
            </button>
            <button
              type="button"
              onClick={() => {
                setValue('replySent', complaintAcknowledgement);
                setValue('actions.acknowledgedPublicly', true);
              }}
            >
              Record it as the reply sent
            </button>
            {copied ? <span role="status">Copied. Paste it as a public reply on the platform.</span> : null}
          </div>
        </div>
      ) : null}
      <FormField
        id="issue-reply"
        label="Reply sent"
        hint="Leave empty until a reply has gone out."
        error={errors.replySent?.message}
      >
        <textarea
          rows={2}
          {...register('replySent')}
          {...describedBy('issue-reply', 'hint', errors.replySent?.message)}
        />
      </FormField>
      <div className="field-grid">
        <div className="field">
          <Controller
            control={control}
            name="repliedOn"
            render={({ field }) => (
              <DateInput label="Reply sent on" value={field.value ?? ''} onChange={(v) => field.onChange(v || null)} />
            )}
          />
          <p className="hint">Leave the date and time empty to use the time you save.</p>
        </div>
        <FormField id="issue-replied-time" label="Reply sent at (UK time)" error={errors.repliedTime?.message}>
          <Controller
            control={control}
            name="repliedTime"
            render={({ field }) => (
              <input
                id="issue-replied-time"
                type="time"
                value={field.value ?? ''}
                onChange={(e) => field.onChange(e.target.value || null)}
              />
            )}
          />
        </FormField>
        <FormField id="issue-recorded-by" label="Recorded by" error={errors.recordedBy?.message}>
          <input
            {...register('recordedBy')}
            {...describedBy('issue-recorded-by', undefined, errors.recordedBy?.message)}
          />
        </FormField>
      </div>
      <fieldset>
        <legend>Actions taken</legend>
        <div className="actions-grid">
          {issueActionKeys.map((key) => (
            <label key={key} className="inline">
              <input type="checkbox" {...register(`actions.${key}`)} /> {issueActionLabels[key]}
            </label>
          ))}
        </div>
        <Controller
          control={control}
          name="actions.reportedToSlt"
          render={({ field }) => (
            <SltReport value={field.value ?? null} onChange={field.onChange} slt={slt} required={kind === 'abuse'} />
          )}
        />
      </fieldset>
      {errors.root ? (
        <p className="field-error" role="alert">
          {errors.root.message}
        </p>
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

function SltReport({
  value,
  onChange,
  slt,
  required,
}: {
  value: { personId: number; on: string } | null;
  onChange: (next: { personId: number; on: string } | null) => void;
  slt: Person[];
  required: boolean;
}) {
  const today = todayIso();
  return (
    <div className="field-grid">
      <label className="inline">
        <input
          type="checkbox"
          checked={value !== null}
          disabled={slt.length === 0}
          onChange={(e) => onChange(e.target.checked && slt[0] ? { personId: slt[0].id, on: today } : null)}
        />{' '}
        Reported to SLT{required ? ' (required before resolving abuse)' : ''}
      </label>
      {slt.length === 0 ? (
        <p className="hint">
          No member of SLT is recorded. Add them under <a href="#/people">People</a> with the SLT role.
        </p>
      ) : null}
      {value ? (
        <>
          <FormField id="issue-slt-person" label="Member of SLT told">
            <select
              id="issue-slt-person"
              value={value.personId}
              onChange={(e) => onChange({ ...value, personId: Number(e.target.value) })}
            >
              {slt.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          <DateInput label="Told on" value={value.on} onChange={(on) => onChange({ ...value, on })} />
        </>
      ) : null}
    </div>
  );
}
