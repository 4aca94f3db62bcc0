import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { contract, type PeriodRefInput } from '../../../../shared/contract';
import { errorMessage } from '../../components/error-message';
import { describedBy } from '../../components/FormField';
import { SavedNotice } from '../../components/SavedNotice';
import { useMutate } from '../../data/queries';

const schema = contract['reports.saveComments'].input.pick({ comments: true });

/** "Any other comments": free text saved with this account's report for this period. */
export function ReportComments({
  accountId,
  period,
  initial,
}: {
  accountId: number;
  period: PeriodRefInput;
  initial: string;
}) {
  const save = useMutate('reports.saveComments', { handled: true });
  const { register, handleSubmit, formState } = useForm({
    resolver: zodResolver(schema),
    defaultValues: { comments: initial },
  });
  const error = formState.errors.comments?.message ?? (save.isError ? errorMessage(save.error) : undefined);
  const submit = handleSubmit((values) => save.mutateAsync({ accountId, period, ...values }).catch(() => undefined));
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="report-comments">
      {/* Labelled by the table's own "Any other comments" row heading, so the words appear once. */}
      <textarea
        maxLength={5000}
        rows={3}
        aria-labelledby="report-comments-label"
        {...register('comments')}
        {...describedBy('report-comments', 'hint', error)}
      />
      <p className="hint" id="report-comments-hint">
        Saved with this report and printed in this row.
      </p>
      {error ? (
        <p className="field-error" id="report-comments-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={formState.isSubmitting}>
          Save comments
        </button>
        <SavedNotice message="Comments saved." token={save.isSuccess ? save.data : null} />
      </div>
    </form>
  );
}
