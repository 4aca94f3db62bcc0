import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { AccountListRow, issueInputSchema, Person } from '../../../../shared/contract';
import { complaintAcknowledgement, issueKindLabels, issueKinds } from '../../../../shared/policy/issue-rules';
import { DateField } from '../../components/DateField';
import { describedBy, FormField } from '../../components/FormField';
import { SavedNotice } from '../../components/SavedNotice';
import { useMutate } from '../../data/queries';
import { AccountField } from './AccountField';
import { IssueActionFields } from './IssueActionFields';
import { appToday } from '../../clock';

export type IssueFormApi = UseFormReturn<z.input<typeof issueInputSchema>, unknown, z.output<typeof issueInputSchema>>;

/**
 * The fields of one entry of the issues and actions log, validated with the
 * same zod schema the main process uses. Complaints offer the standard
 * public acknowledgement (north-herts 6.3); abuse and press enquiries show
 * what the policy still asks (./IssueActionFields.tsx).
 */
export function IssueFields({
  form,
  accounts,
  people,
}: {
  form: IssueFormApi;
  accounts: AccountListRow[];
  people: Person[];
}) {
  const { register, control, formState } = form;
  const errors = formState.errors;
  const kind = form.watch('kind');
  return (
    <>
      <div className="field-grid">
        <AccountField
          id="issue-account"
          accounts={accounts}
          registration={register('accountId', { valueAsNumber: true })}
        />
        <FormField id="issue-kind" label="Kind">
          <select id="issue-kind" {...register('kind')}>
            {issueKinds.map((k) => (
              <option key={k} value={k}>
                {issueKindLabels[k]}
              </option>
            ))}
          </select>
        </FormField>
        <DateField control={control} name="receivedOn" label="Received on" />
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
      {kind === 'complaint' ? <Acknowledgement form={form} /> : null}
      <ReplyFields form={form} />
      <IssueActionFields form={form} people={people} />
    </>
  );
}

/** The reply sent, when it went out, and who recorded the entry. */
function ReplyFields({ form }: { form: IssueFormApi }) {
  const { register, control, formState } = form;
  const errors = formState.errors;
  return (
    <>
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
      <p className="hint" id="reply-when-hint">
        With a reply, give the date and time it went out on the platform, so a reply logged later is not marked late.
      </p>
      <div className="field-grid">
        <DateField control={control} name="repliedOn" label="Reply sent on" optional />
        <FormField id="issue-replied-time" label="Reply sent at (UK time)" error={errors.repliedTime?.message}>
          <input
            type="time"
            {...register('repliedTime', { setValueAs: (v: string | null) => v || null })}
            {...describedBy('issue-replied-time', undefined, errors.repliedTime?.message)}
          />
        </FormField>
        <FormField id="issue-recorded-by" label="Recorded by" error={errors.recordedBy?.message}>
          <input
            {...register('recordedBy')}
            {...describedBy('issue-recorded-by', undefined, errors.recordedBy?.message)}
          />
        </FormField>
      </div>
    </>
  );
}

/** The standard public acknowledgement of a complaint: copy it, or record it as the reply sent. */
function Acknowledgement({ form }: { form: IssueFormApi }) {
  const copy = useMutate('issues.copyAcknowledgement');
  return (
    <div className="notice" role="note">
      <p>Acknowledge complaints publicly, without accepting liability: “{complaintAcknowledgement}”</p>
      <div className="actions">
        <button type="button" onClick={() => copy.mutate({})}>
          Copy the acknowledgement
        </button>
        <button
          type="button"
          onClick={() => {
            form.setValue('replySent', complaintAcknowledgement);
            form.setValue('actions.acknowledgedPublicly', {
              on: appToday(),
              by: form.getValues('recordedBy'),
            });
          }}
        >
          Record it as the reply sent
        </button>
        <SavedNotice message="Copied. Paste it as a public reply on the platform." token={copy.data ?? null} />
      </div>
    </div>
  );
}
