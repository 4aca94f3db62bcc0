import { useState } from 'react';
import { personInputSchema, personRoleLabels, type AccountState, type PersonDetail } from '../../../../shared/contract';
import { ukDate } from '../../../../shared/time';
import { StateBadge } from '../../components/AccountState';
import { AsyncContent } from '../../components/AsyncContent';
import { FormDialog } from '../../components/FormDialog';
import { SavedNotice } from '../../components/SavedNotice';
import { useChannel, useMutate } from '../../data/queries';
import { useVault } from '../../vault/VaultProvider';
import { PersonFields, personToValues } from './PersonForm';

/** One person: their records and every account they lead, hold or run. */
export function PersonPage({ id }: { id: number }) {
  const person = useChannel('people.get', { id });
  return (
    <AsyncContent
      query={person}
      failed={
        <p>
          That person is not in the directory. <a href="#/people">Back to People</a>
        </p>
      }
    >
      {(p) => <PersonView p={p} />}
    </AsyncContent>
  );
}

function PersonView({ p }: { p: PersonDetail }) {
  const { status } = useVault();
  const update = useMutate('people.update', { handled: true });
  const printSheet = useMutate('people.printAcknowledgement');
  const sheet = printSheet.data?.path ?? null;
  const [editing, setEditing] = useState(false);
  const checked = useChannel('compliance.status', {});
  const states = new Map((checked.data?.accounts ?? []).map((a) => [a.accountId, a]));
  return (
    <section aria-labelledby="page-title" className="page">
      <p className="breadcrumb">
        <a href="#/people">People</a> / {p.name}
      </p>
      <div className="page-header">
        <h1 id="page-title">{p.name}</h1>
        <div className="actions">
          <button type="button" disabled={status?.state !== 'unlocked'} onClick={() => setEditing(true)}>
            Edit
          </button>
          <button
            type="button"
            disabled={status?.state !== 'unlocked' || printSheet.isPending}
            onClick={() => printSheet.mutate({ id: p.id })}
          >
            Print the policy sheet to sign
          </button>
          {p.status !== 'left' ? (
            <a className="button" href={`#/handover/new/${p.id}`}>
              Record departure
            </a>
          ) : null}
        </div>
      </div>
      {p.importCheck ? (
        <p className="warn-text" role="note">
          {p.importCheck} Saving their record with Edit clears this.
        </p>
      ) : null}
      <SavedNotice message={`Saved the sheet for ${p.name} to sign`} token={sheet ? printSheet.data : null} />
      <Record p={p} />
      <div className="columns">
        <section className="card" aria-labelledby="leads-title">
          <h2 id="leads-title">Leads</h2>
          <AccountLinks items={p.leads} states={states} empty="Leads no accounts." />
        </section>
        <section className="card" aria-labelledby="holds-title">
          <h2 id="holds-title">Knows the password of</h2>
          <AccountLinks items={p.holds} states={states} empty="Holds no passwords." />
        </section>
        <section className="card" aria-labelledby="runs-title">
          <h2 id="runs-title">Named to run</h2>
          <AccountLinks items={p.runs} states={states} empty="Not named in any business case." />
        </section>
      </div>
      <FormDialog
        title={`Edit ${p.name}`}
        isOpen={editing}
        onOpenChange={setEditing}
        wide
        schema={personInputSchema}
        defaultValues={personToValues(p)}
        submitLabel="Save changes"
        onSubmit={(values) => update.mutateAsync({ id: p.id, person: values })}
      >
        {(form) => <PersonFields form={form} />}
      </FormDialog>
    </section>
  );
}

function Record({ p }: { p: PersonDetail }) {
  const notRecorded = <span className="warn-text">Not recorded</span>;
  return (
    <section className="card" aria-label="Record">
      <dl className="facts">
        <dt>Job title</dt>
        <dd>{p.jobTitle || 'Not recorded'}</dd>
        <dt>Work email</dt>
        <dd>{p.workEmail || 'Not recorded'}</dd>
        <dt>Roles</dt>
        <dd>{p.roles.map((r) => personRoleLabels[r]).join(', ')}</dd>
        <dt>Status</dt>
        <dd>
          {p.status === 'active'
            ? 'At the school'
            : p.status === 'leaving'
              ? `Leaving on ${ukDate(p.leavingOn)}`
              : `Left on ${ukDate(p.leftOn)}`}
        </dd>
        <dt>Signed the policy</dt>
        <dd>{p.policyAcknowledgedOn ? ukDate(p.policyAcknowledgedOn) : notRecorded}</dd>
        <dt>Training</dt>
        <dd>{p.trainingCompletedOn ? ukDate(p.trainingCompletedOn) : notRecorded}</dd>
      </dl>
    </section>
  );
}

/** Each account with its one state, as the register shows it. */
function AccountLinks({
  items,
  states,
  empty,
}: {
  items: { accountId: number; label: string }[];
  states: Map<number, AccountState>;
  empty: string;
}) {
  if (items.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="link-list account-links">
      {items.map((i) => {
        const state = states.get(i.accountId);
        return (
          <li key={i.accountId}>
            <a href={`#/accounts/${i.accountId}`}>{i.label}</a> {state ? <StateBadge state={state} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
