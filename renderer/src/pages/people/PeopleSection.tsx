import { useState } from 'react';
import { personRoleLabels } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { Modal } from '../../components/Modal';
import { formatDate } from '../../format';
import { usePeople } from '../../hooks/use-people';
import { useVault } from '../../vault/VaultProvider';
import { PersonForm } from './PersonForm';
import { PersonPage } from './PersonPage';

export function PeopleSection({ segments }: { segments: string[] }) {
  const id = Number(segments[0]);
  return Number.isInteger(id) && id > 0 ? <PersonPage id={id} /> : <PeoplePage />;
}

const statusText = { active: 'At the school', leaving: 'Leaving', left: 'Left' } as const;

/** The staff directory: who may approve, authorise, lead and hold passwords. */
function PeoplePage() {
  const api = useApi();
  const { status } = useVault();
  const { people, reload } = usePeople();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="page-title" className="page">
      <div className="page-header">
        <h1 id="page-title">People</h1>
        <button
          type="button"
          className="primary"
          disabled={status?.state !== 'unlocked'}
          onClick={() => setAdding(true)}
        >
          Add a person
        </button>
      </div>
      {people.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No staff recorded yet.</strong> Add the Headteacher and SLT first (they approve accounts and
            authorise holders), then everyone who runs or knows the password of an account.
          </p>
        </div>
      ) : (
        <table className="data-table" aria-label="Staff">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">Policy signed</th>
              <th scope="col">Trained</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`#/people/${p.id}`}>{p.name}</a>
                  {p.jobTitle ? <span className="muted"> {p.jobTitle}</span> : null}
                  {p.importCheck ? <span className="badge warn">Added by import: check</span> : null}
                </td>
                <td>{p.roles.map((r) => personRoleLabels[r]).join(', ')}</td>
                <td>
                  {statusText[p.status]}
                  {p.status === 'leaving' && p.leavingOn ? ` ${formatDate(p.leavingOn)}` : ''}
                </td>
                <td>
                  {p.policyAcknowledgedOn ? (
                    formatDate(p.policyAcknowledgedOn)
                  ) : (
                    <span className="badge warn">Not signed</span>
                  )}
                </td>
                <td>
                  {p.trainingCompletedOn ? formatDate(p.trainingCompletedOn) : <span className="badge warn">None</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Modal title="Add a person" isOpen={adding} onOpenChange={setAdding} wide>
        {(close) => (
          <PersonForm
            submitLabel="Add person"
            onCancel={close}
            onSubmit={async (values) => {
              try {
                await api.people.create(values, { handled: true });
                close();
                reload();
                return null;
              } catch (error) {
                return error instanceof Error ? error.message : 'The person was not added.';
              }
            }}
          />
        )}
      </Modal>
    </section>
  );
}
