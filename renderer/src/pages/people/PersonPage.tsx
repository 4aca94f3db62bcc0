import { useCallback, useState } from 'react';
import { personRoleLabels } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { Modal } from '../../components/Modal';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/use-load';
import { useVault } from '../../vault/VaultProvider';
import { PersonForm, personToValues } from './PersonForm';

/** One person: their records and every account they lead, hold or run. */
export function PersonPage({ id }: { id: number }) {
  const api = useApi();
  const { status } = useVault();
  const load = useCallback(() => api.people.get({ id }), [api, id]);
  const { data: p, failed, reload } = useLoad(load);
  const [editing, setEditing] = useState(false);
  if (failed)
    return (
      <p>
        That person is not in the directory. <a href="#/people">Back to People</a>
      </p>
    );
  if (!p) return <p aria-busy="true">Loading…</p>;
  const list = (items: { accountId: number; label: string }[], empty: string) =>
    items.length === 0 ? (
      <p className="hint">{empty}</p>
    ) : (
      <ul>
        {items.map((i) => (
          <li key={i.accountId}>
            <a href={`#/accounts/${i.accountId}`}>{i.label}</a>
          </li>
        ))}
      </ul>
    );
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
                ? `Leaving on ${formatDate(p.leavingOn)}`
                : `Left on ${formatDate(p.leftOn)}`}
          </dd>
          <dt>Signed the policy</dt>
          <dd>
            {p.policyAcknowledgedOn ? (
              formatDate(p.policyAcknowledgedOn)
            ) : (
              <span className="warn-text">Not recorded</span>
            )}
          </dd>
          <dt>Training</dt>
          <dd>
            {p.trainingCompletedOn ? (
              formatDate(p.trainingCompletedOn)
            ) : (
              <span className="warn-text">Not recorded</span>
            )}
          </dd>
        </dl>
      </section>
      <div className="columns">
        <section className="card" aria-labelledby="leads-title">
          <h2 id="leads-title">Leads</h2>
          {list(p.leads, 'Leads no accounts.')}
        </section>
        <section className="card" aria-labelledby="holds-title">
          <h2 id="holds-title">Knows the password of</h2>
          {list(p.holds, 'Holds no passwords.')}
        </section>
        <section className="card" aria-labelledby="runs-title">
          <h2 id="runs-title">Named to run</h2>
          {list(p.runs, 'Not named in any business case.')}
        </section>
      </div>
      <Modal title={`Edit ${p.name}`} isOpen={editing} onOpenChange={setEditing} wide>
        {(close) => (
          <PersonForm
            initial={personToValues(p)}
            submitLabel="Save changes"
            onCancel={close}
            onSubmit={async (values) => {
              try {
                await api.people.update({ id: p.id, person: values }, { handled: true });
                close();
                reload();
                return null;
              } catch (error) {
                return error instanceof Error ? error.message : 'The changes were not saved.';
              }
            }}
          />
        )}
      </Modal>
    </section>
  );
}
