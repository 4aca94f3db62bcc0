import {
  contract,
  issueInputSchema,
  type AccountListRow,
  type Issue,
  type IssueInput,
  type Person,
} from '../../../../shared/contract';
import { londonParts } from '../../../../shared/time';
import { describedBy, FormField } from '../../components/FormField';
import { FormDialog } from '../../components/FormDialog';
import { useMutate } from '../../data/queries';
import { IssueFields } from './IssueForm';

const resolveSchema = contract['issues.resolve'].input.pick({ notes: true });

/** What an edit starts from: the entry as saved, in the form's terms (London date and time). */
export function issueToInput(issue: Issue): IssueInput {
  const received = londonParts(issue.receivedAt);
  const replied = issue.repliedAt ? londonParts(issue.repliedAt) : null;
  return {
    accountId: issue.accountId,
    receivedOn: received.date,
    receivedTime: received.time,
    kind: issue.kind,
    originalComment: issue.originalComment,
    replySent: issue.replySent,
    repliedOn: replied?.date ?? null,
    repliedTime: replied?.time ?? null,
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

/** A new entry: received now (London), recorded by the administrator, no actions yet. */
function newIssue(accountId: number, recordedBy: string): IssueInput {
  const now = londonParts(new Date());
  return {
    accountId,
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
}

/** Log a comment, or edit an entry. */
export function IssueDialog({
  issue,
  accounts,
  people,
  recordedBy,
  onClose,
  onSaved,
}: {
  /** The entry to edit, or 'new'. */
  issue: Issue | 'new';
  accounts: AccountListRow[];
  people: Person[];
  recordedBy: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const create = useMutate('issues.create', { handled: true });
  const update = useMutate('issues.update', { handled: true });
  return (
    <FormDialog
      title={issue === 'new' ? 'Log a comment' : 'Edit the log entry'}
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      wide
      schema={issueInputSchema}
      defaultValues={issue === 'new' ? newIssue(accounts[0]?.id ?? 0, recordedBy) : issueToInput(issue)}
      submitLabel={issue === 'new' ? 'Add to the log' : 'Save changes'}
      onSubmit={async (values) => {
        if (issue === 'new') await create.mutateAsync(values);
        else await update.mutateAsync({ id: issue.id, issue: values });
        onSaved();
      }}
    >
      {(form) => <IssueFields form={form} accounts={accounts} people={people} />}
    </FormDialog>
  );
}

/** Resolve an entry with what was done; the main process refuses abuse not yet reported to SLT. */
export function ResolveDialog({ issue, onClose, onSaved }: { issue: Issue; onClose: () => void; onSaved: () => void }) {
  const resolve = useMutate('issues.resolve', { handled: true });
  return (
    <FormDialog
      title="Resolve the entry"
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      schema={resolveSchema}
      defaultValues={{ notes: '' }}
      submitLabel="Resolve"
      onSubmit={async (values) => {
        await resolve.mutateAsync({ id: issue.id, ...values });
        onSaved();
      }}
    >
      {({ register, formState: { errors } }) => (
        <FormField
          id="resolve-notes"
          label="Resolution notes"
          hint="What was done and how it ended."
          error={errors.notes?.message}
        >
          <textarea rows={3} {...register('notes')} {...describedBy('resolve-notes', 'hint', errors.notes?.message)} />
        </FormField>
      )}
    </FormDialog>
  );
}
