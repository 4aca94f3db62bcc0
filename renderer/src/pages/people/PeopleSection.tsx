import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { personInputSchema, personRoleLabels, type Person } from '../../../../shared/contract';
import { ukDate } from '../../../../shared/time';
import { AsyncContent } from '../../components/AsyncContent';
import { DataTable, useDataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { useMutate } from '../../data/queries';
import { usePeople } from '../../hooks/use-people';
import { useRoute } from '../../hooks/use-route';
import { useVault } from '../../vault/VaultProvider';
import { noPerson, PersonFields } from './PersonForm';
import { PersonPage } from './PersonPage';

export function PeopleSection({ segments }: { segments: string[] }) {
  const id = Number(segments[0]);
  return Number.isInteger(id) && id > 0 ? <PersonPage id={id} /> : <PeoplePage />;
}

const statusText = { active: 'At the school', leaving: 'Leaving', left: 'Left' } as const;

const column = createColumnHelper<Person>();

const columns = [
  column.accessor('name', {
    header: 'Name',
    cell: ({ row: { original: p } }) => (
      <>
        <a href={`#/people/${p.id}`} tabIndex={-1}>
          {p.name}
        </a>
        {p.jobTitle ? <span className="muted"> {p.jobTitle}</span> : null}
        {p.importCheck ? <span className="badge warn">Added by import: check</span> : null}
      </>
    ),
  }),
  column.accessor((p) => p.roles.map((r) => personRoleLabels[r]).join(', '), { id: 'roles', header: 'Roles' }),
  column.accessor('status', {
    header: 'Status',
    cell: ({ row: { original: p } }) =>
      `${statusText[p.status]}${p.status === 'leaving' && p.leavingOn ? ` ${ukDate(p.leavingOn)}` : ''}`,
  }),
  column.accessor((p) => p.policyAcknowledgedOn ?? '', {
    id: 'policy',
    header: 'Policy signed',
    cell: (info) => (info.getValue() ? ukDate(info.getValue()) : <span className="badge warn">Not signed</span>),
  }),
  column.accessor((p) => p.trainingCompletedOn ?? '', {
    id: 'trained',
    header: 'Trained',
    cell: (info) => (info.getValue() ? ukDate(info.getValue()) : <span className="badge warn">None</span>),
  }),
];

/** The staff directory: who may approve, authorise, lead and hold passwords. */
function PeoplePage() {
  const { status } = useVault();
  const { query } = usePeople();
  const create = useMutate('people.create', { handled: true });
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
      <AsyncContent
        query={query}
        loading="Loading the staff directory…"
        isEmpty={(people) => people.length === 0}
        empty={
          <div className="empty-state">
            <p>
              <strong>No staff recorded yet.</strong> Add the Headteacher and SLT first (they approve accounts and
              authorise holders), then everyone who runs or knows the password of an account.
            </p>
          </div>
        }
      >
        {(people) => <StaffTable people={people} />}
      </AsyncContent>
      <FormDialog
        title="Add a person"
        isOpen={adding}
        onOpenChange={setAdding}
        wide
        schema={personInputSchema}
        defaultValues={noPerson}
        submitLabel="Add person"
        onSubmit={(values) => create.mutateAsync(values)}
      >
        {(form) => <PersonFields form={form} />}
      </FormDialog>
    </section>
  );
}

/** The staff list with a search box: a name, job title or role narrows it as it is typed. */
function StaffTable({ people }: { people: Person[] }) {
  const { navigate } = useRoute();
  const [search, setSearch] = useState('');
  const wanted = search.trim().toLowerCase();
  // Memoised: TanStack resets its state when the data array changes, so a new array on every render would never settle.
  const found = useMemo(
    () =>
      wanted
        ? people.filter((p) =>
            [p.name, p.jobTitle ?? '', ...p.roles.map((r) => personRoleLabels[r])].some((text) =>
              text.toLowerCase().includes(wanted),
            ),
          )
        : people,
    [people, wanted],
  );
  const table = useDataTable({ data: found, columns });
  return (
    <>
      <div className="filters">
        <div className="field grow">
          <label htmlFor="people-search">Search people</label>
          <input id="people-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <p className="hint" aria-live="polite">
          {wanted ? `${found.length} of ${people.length} shown.` : `${people.length} people.`}
        </p>
      </div>
      <DataTable
        table={table}
        label="Staff"
        height="page"
        empty={<p>Nobody matches “{search}”. Check the spelling, or clear the search.</p>}
        onOpen={(p) => navigate(`/people/${p.id}`)}
      />
    </>
  );
}
