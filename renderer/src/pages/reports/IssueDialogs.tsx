import { useState } from 'react';
import type { Account, Issue, IssueInput, Person } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { describedBy, FormField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
import { IssueForm } from './IssueForm';
import { nowLondon } from './report-format';
import { londonParts } from '../../../../shared/time';

/** What an edit starts from: the entry as saved, in the form's terms (London date and time). */
export function issueToInput(issue: Issue): IssueInput {
  const [date, time] = londonSplit(issue.receivedAt);
  const replied = issue.repliedAt ? londonSplit(issue.repliedAt) : null;
  return {
    accountId: issue.accountId,
    receivedOn: date,
    receivedTime: time,
    kind: issue.kind,
    originalComment: issue.originalComment,
    replySent: issue.replySent,
    repliedOn: replied?.[0] ?? null,
    repliedTime: replied?.[1] ?? null,
    recordedBy: issue.recordedBy,
    actions: {
      acknowledgedPublicly: issue.actions.acknowledgedPublicly !== null,
      removed: issue.actions.removed !== null,
      userBlocked: issue.actions.userBlocked !== null,
      reportedToPlatform: issue.actions.reportedToPlatform !== null,
      reportedToSlt: issue.actions.reportedToSlt
        ? { personId: issue.actions.reportedToSlt.personId, on: issue.actions.reportedToSlt.on }
        : null,
    },
  };
}

function londonSplit(iso: string): [string, string] {
  const { date, time } = londonParts(iso);
  return [date, time];
}

export function IssueDialog({
  issue,
  accounts,
  people,
  recordedBy,
  isOpen,
  onOpenChange,
  onSaved,
}: {
  issue: Issue | null;
  accounts: Account[];
  people: Person[];
  recordedBy: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
}) {
  const api = useApi();
  const now = nowLondon();
  const initial: IssueInput = issue
    ? issueToInput(issue)
    : {
        accountId: accounts[0]?.id ?? 0,
        receivedOn: now.date,
        receivedTime: now.time,
        kind: 'complaint',
        originalComment: '',
        replySent: '',
        repliedOn: null,
        repliedTime: null,
        recordedBy,
        actions: {
          acknowledgedPublicly: false,
          removed: false,
          userBlocked: false,
          reportedToPlatform: false,
          reportedToSlt: null,
        },
      };
  return (
    <Modal title={issue ? 'Edit the log entry' : 'Log a comment'} isOpen={isOpen} onOpenChange={onOpenChange} wide>
      {(close) => (
        <IssueForm
          initial={initial}
          accounts={accounts}
          people={people}
          submitLabel={issue ? 'Save changes' : 'Add to the log'}
          onCancel={close}
          onSubmit={async (values) => {
            try {
              if (issue) await api.issues.update({ id: issue.id, issue: values }, { handled: true });
              else await api.issues.create(values, { handled: true });
              close();
              onSaved();
              return null;
            } catch (error) {
              return error instanceof Error ? error.message : 'The entry was not saved.';
            }
          }}
        />
      )}
    </Modal>
  );
}

export function ResolveDialog({
  issue,
  onOpenChange,
  onSaved,
}: {
  issue: Issue | null;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
}) {
  const api = useApi();
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Modal title="Resolve the entry" isOpen={issue !== null} onOpenChange={onOpenChange}>
      {(close) => (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!issue) return;
            api.issues.resolve({ id: issue.id, notes }, { handled: true }).then(
              () => {
                close();
                onSaved();
              },
              (err: unknown) => setError(err instanceof Error ? err.message : 'The entry was not resolved.'),
            );
          }}
        >
          <FormField id="resolve-notes" label="Resolution notes" hint="What was done and how it ended." error={error}>
            <textarea
              rows={3}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              {...describedBy('resolve-notes', 'hint', error)}
            />
          </FormField>
          <div className="actions">
            <button type="submit" className="primary">
              Resolve
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
