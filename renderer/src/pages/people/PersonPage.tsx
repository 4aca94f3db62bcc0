import { useState } from 'react';
import { personInputSchema, personRoleLabels, type PersonDetail } from '../../../../shared/contract';
import { ukDate } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { FormDialog } from '../../components/FormDialog';
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
  const [editing, setEditing] = useState(false);
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
      <Record p={p} />
      <div className="columns">
        <section className="card" aria-labelledby="leads-title">
          <h2 id="leads-title">Leads</h2>
          <AccountLinks items={p.leads} empty="Leads no accounts." />
        </section>
        <section className="card" aria-labelledby="holds-title">
          <h2 id="holds-title">Knows the password of</h2>
          <AccountLinks items={p.holds} empty="Holds no passwords." />
        </section>
        <section className="card" aria-labelledby="runs-title">
          <h2 id="runs-title">Named to run</h2>
          <AccountLinks items={p.runs} empty="Not named in any business case." />
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

function AccountLinks({ items, empty }: { items: { accountId: number; label: string }[]; empty: string }) {
  if (items.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="link-list">
      {items.map((i) => (
        <li key={i.accountId}>
          <a href={`#/accounts/${i.accountId}`}>{i.label}</a>
        </li>
      ))}
    </ul>
  );
}
