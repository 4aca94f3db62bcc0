import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { contract, type PeriodRefInput } from '../../../../shared/contract';
import { errorMessage } from '../../components/error-message';
import { describedBy, FormField } from '../../components/FormField';
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
    <form noValidate onSubmit={(event) => void submit(event)}>
      <FormField
        id="report-comments"
        label="Any other comments"
        hint="Saved with this report and printed in its last row."
        error={error}
      >
        <textarea
          maxLength={5000}
          rows={4}
          {...register('comments')}
          {...describedBy('report-comments', 'hint', error)}
        />
      </FormField>
      <div className="actions">
        <button type="submit" disabled={formState.isSubmitting}>
          Save comments
        </button>
        <SavedNotice message="Comments saved." token={save.isSuccess ? save.data : null} />
      </div>
    </form>
  );
}
