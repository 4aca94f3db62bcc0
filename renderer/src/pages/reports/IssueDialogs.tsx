import {
  noIssueActions,
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
import { appNow } from '../../clock';

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
      acknowledgedPublicly: issue.actions.acknowledgedPublicly,
      removed: issue.actions.removed,
      userBlocked: issue.actions.userBlocked,
      reportedToPlatform: issue.actions.reportedToPlatform,
      audienceTold: issue.actions.audienceTold,
      reportedToAuthority: issue.actions.reportedToAuthority,
      reportedToSlt: issue.actions.reportedToSlt && {
        personId: issue.actions.reportedToSlt.personId,
        on: issue.actions.reportedToSlt.on,
        by: issue.actions.reportedToSlt.by,
      },
    },
  };
}

/** A new entry: received now (London), recorded by the administrator, no actions yet. */
function newIssue(accountId: number, recordedBy: string): IssueInput {
  const now = londonParts(appNow());
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
    actions: { ...noIssueActions },
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

/**
 * Resolve an entry with what was done. Abuse not yet removed and reported to
 * SLT, or a press enquiry not yet referred, cannot be resolved: the dialog
 * says what is missing and offers the entry to record it (the main process
 * refuses it too).
 */
export function ResolveDialog({
  issue,
  onClose,
  onSaved,
  onEdit,
}: {
  issue: Issue;
  onClose: () => void;
  onSaved: () => void;
  /** Open the entry instead, to record what is missing. */
  onEdit: () => void;
}) {
  const resolve = useMutate('issues.resolve', { handled: true });
  const missing = issue.stillToDo;
  return (
    <FormDialog
      title="Resolve the entry"
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      schema={resolveSchema}
      defaultValues={{ notes: '' }}
      submitLabel="Resolve"
      canSubmit={missing.length === 0}
      onSubmit={async (values) => {
        await resolve.mutateAsync({ id: issue.id, ...values });
        onSaved();
      }}
    >
      {({ register, formState: { errors } }) => (
        <>
          {missing.length > 0 ? (
            <div className="notice" role="note" data-testid="resolve-still-to-do">
              <p>
                {issue.kind === 'press'
                  ? 'A press or media enquiry is referred to a named member of SLT before it is resolved.'
                  : 'Offensive comments and abuse are removed and reported to a named member of SLT before the entry is resolved.'}{' '}
                Still to do: {missing.join('; ')}.
              </p>
              <button type="button" onClick={onEdit}>
                Record what was done
              </button>
            </div>
          ) : null}
          <FormField
            id="resolve-notes"
            label="Resolution notes"
            hint="What was done and how it ended."
            error={errors.notes?.message}
          >
            <textarea
              rows={3}
              {...register('notes')}
              {...describedBy('resolve-notes', 'hint', errors.notes?.message)}
            />
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
