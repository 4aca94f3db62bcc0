import { useState } from 'react';
import type { PeriodRefInput } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { describedBy, FormField } from '../../components/FormField';

/** "Any other comments": free text saved with this account's report for this period. */
export function ReportComments({
  accountId,
  period,
  initial,
  onSaved,
}: {
  accountId: number;
  period: PeriodRefInput;
  initial: string;
  onSaved: () => void;
}) {
  const api = useApi();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const save = async () => {
    setError(undefined);
    setDone(false);
    try {
      await api.reports.saveComments({ accountId, period, comments: text }, { handled: true });
      setDone(true);
      onSaved();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The comments were not saved.');
    }
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <FormField
        id="report-comments"
        label="Any other comments"
        hint="Saved with this report and printed in its last row."
        error={error}
      >
        <textarea
          value={text}
          maxLength={5000}
          rows={4}
          onChange={(e) => setText(e.target.value)}
          {...describedBy('report-comments', 'hint', error)}
        />
      </FormField>
      <div className="actions">
        <button type="submit">Save comments</button>
        {done ? (
          <span role="status" className="ok-text">
            Comments saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}
