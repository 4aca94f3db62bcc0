import { useState } from 'react';
import { accountInputSchema, repliesLabels, type Account } from '../../../../shared/contract';
import { ukDate, ukDateOf } from '../../../../shared/time';
import { useApi } from '../../api/context';
import { BusyStatus } from '../../components/BusyStatus';
import { errorMessage } from '../../components/error-message';
import { FormDialog } from '../../components/FormDialog';
import { SavedNotice } from '../../components/SavedNotice';
import { fileInWords } from '../../format';
import { useMutate } from '../../data/queries';
import { AccountFields, accountToValues, twoFactorLabels } from './AccountForm';
import { ApprovalDialog } from './ApprovalDialog';
import { RejectDialog } from './RejectDialog';
import { StatusDialog } from './StatusDialog';

/** The account record, business case, approval and lifecycle, with the actions that change them. */
export function AccountDetails({ account: a, unlocked }: { account: Account; unlocked: boolean }) {
  const update = useMutate('accounts.update', { handled: true });
  const print = useMutate('accounts.printBusinessCase', { handled: true });
  const printed = print.data?.path ? print.data : null;
  // Opening the browser changes nothing in the vault, so nothing cached goes stale: a plain call.
  const api = useApi();
  const [dialog, setDialog] = useState<'edit' | 'approve' | 'reject' | 'status' | null>(null);
  const set = (open: boolean, which: typeof dialog) => setDialog(open ? which : null);
  const bc = a.businessCase;
  const none = <span className="muted">Not recorded</span>;

  return (
    <section className="card" aria-labelledby="details-title">
      <div className="card-header">
        <h2 id="details-title">Details and business case</h2>
        <div className="actions">
          {a.profileUrl ? (
            <button type="button" onClick={() => void api.accounts.openProfile({ id: a.id })}>
              Open profile in browser
            </button>
          ) : null}
          <button type="button" disabled={!unlocked} onClick={() => setDialog('edit')}>
            Edit details
          </button>
          <button type="button" disabled={!unlocked || print.isPending} onClick={() => print.mutate({ id: a.id })}>
            Print the business case
          </button>
          <button
            type="button"
            disabled={!unlocked || a.status === 'closed' || a.status === 'transferred'}
            onClick={() => setDialog('approve')}
          >
            Record approval
          </button>
          {a.status === 'proposed' ? (
            <button type="button" disabled={!unlocked} onClick={() => setDialog('reject')}>
              Reject application
            </button>
          ) : null}
          <button
            type="button"
            disabled={!unlocked || a.status === 'closed' || a.status === 'transferred'}
            onClick={() => setDialog('status')}
          >
            Change status
          </button>
        </div>
      </div>
      <BusyStatus
        busy={print.isPending ? 'Preparing the business case…' : null}
        error={print.isError ? errorMessage(print.error, 'The business case could not be saved.') : null}
      />
      <SavedNotice
        message={
          printed
            ? `Business case saved as ${fileInWords(printed.path ?? '')}. Print it for the Headteacher to sign.`
            : ''
        }
        token={printed}
        seconds={20}
      />
      <dl className="facts">
        <dt>Full name</dt>
        <dd>{a.fullName || none}</dd>
        <dt>Display name</dt>
        <dd>{a.displayName || none}</dd>
        <dt>Profile link</dt>
        <dd>{a.profileUrl || none}</dd>
        <dt>Login email</dt>
        <dd>{a.loginEmail || none}</dd>
        <dt>Username</dt>
        <dd>{a.username || none}</dd>
        <dt>Login page</dt>
        <dd>{a.loginUrl || none}</dd>
        <dt>Two-factor sign-in</dt>
        <dd>{twoFactorLabels[a.twoFactorMethod]}</dd>
        <dt>Comments</dt>
        <dd>{repliesLabels[a.replies]}</dd>
        <dt>Lead</dt>
        <dd>{a.lead ? <a href={`#/people/${a.lead.id}`}>{a.lead.name}</a> : none}</dd>
        <dt>Approved</dt>
        <dd>
          {a.approvedBy
            ? `${a.approvedBy.name}${a.governorApprovedBy ? ` and ${a.governorApprovedBy.name} (governor)` : ''}, ${ukDate(a.approvedOn)}`
            : none}
        </dd>
        {a.rejection ? (
          <>
            <dt>Rejected</dt>
            <dd className="warn-text">
              {a.rejection.by.name}, {ukDate(a.rejection.on)}: {a.rejection.reason}
            </dd>
          </>
        ) : null}
        <dt>Status since</dt>
        <dd>
          {a.statusChangedOn ? ukDate(a.statusChangedOn) : ukDateOf(a.createdAt)}
          {a.statusOverrideReason ? (
            <span className="warn-text"> Activated without meeting the policy: {a.statusOverrideReason}</span>
          ) : null}
        </dd>
        <dt>Aim</dt>
        <dd>{bc.aim || none}</dd>
        <dt>Audience</dt>
        <dd>{bc.audience || none}</dd>
        <dt>Promotion</dt>
        <dd>{bc.promotion || none}</dd>
        <dt>Open or private</dt>
        <dd>{bc.visibility === 'open' ? 'Open' : bc.visibility === 'private' ? 'Private or closed' : none}</dd>
        <dt>Run by</dt>
        <dd>{bc.runners.length ? bc.runners.map((r) => r.name).join(', ') : none}</dd>
        {a.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{a.notes}</dd>
          </>
        ) : null}
      </dl>
      <FormDialog
        title={`Edit ${a.handle}`}
        isOpen={dialog === 'edit'}
        onOpenChange={(o) => set(o, 'edit')}
        wide
        schema={accountInputSchema}
        defaultValues={accountToValues(a)}
        submitLabel="Save changes"
        onSubmit={(values) => update.mutateAsync({ id: a.id, account: values })}
      >
        {(form) => <AccountFields form={form} />}
      </FormDialog>
      <ApprovalDialog account={a} isOpen={dialog === 'approve'} onOpenChange={(o) => set(o, 'approve')} />
      <RejectDialog account={a} isOpen={dialog === 'reject'} onOpenChange={(o) => set(o, 'reject')} />
      <StatusDialog account={a} isOpen={dialog === 'status'} onOpenChange={(o) => set(o, 'status')} />
    </section>
  );
}
