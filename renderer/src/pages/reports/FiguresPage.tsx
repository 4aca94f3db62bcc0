import { useCallback, useState } from 'react';
import type { Figures, FiguresInput } from '../../../../shared/contract';
import { engagementWords, signed } from '../../../../shared/policy/engagement';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { Modal } from '../../components/Modal';
import { useLoad } from '../../hooks/use-load';
import { useVault } from '../../vault/VaultProvider';
import { FiguresForm } from './FiguresForm';
import { FiguresImport } from './FiguresImport';
import { ukDate } from './report-format';
import { ReportsNav } from './ReportsSection';

const toInput = (f: Figures): FiguresInput => ({
  accountId: f.accountId,
  from: f.from,
  to: f.to,
  followersStart: f.followersStart,
  followersEnd: f.followersEnd,
  followerTypes: f.followerTypes,
  posts: f.posts,
  shares: f.shares,
  mentions: f.mentions,
  likes: f.likes,
  notes: f.notes,
});

/** Engagement figures per account and period, entered by hand or imported from analytics. */
export function FiguresPage() {
  const api = useApi();
  const { status } = useVault();
  const unlocked = status?.state === 'unlocked';
  const loadList = useCallback(() => api.figures.list({ accountId: null }), [api]);
  const loadAccounts = useCallback(() => api.accounts.list(), [api]);
  const list = useLoad(loadList);
  const accounts = useLoad(loadAccounts).data ?? [];
  const [editing, setEditing] = useState<Figures | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setMessage(text);
    list.reload();
  };
  const blank: FiguresInput = {
    accountId: accounts[0]?.id ?? 0,
    from: '',
    to: '',
    followersStart: Number.NaN,
    followersEnd: Number.NaN,
    followerTypes: { schools: null, clubs: null, individuals: null, other: null },
    posts: Number.NaN,
    shares: Number.NaN,
    mentions: Number.NaN,
    likes: Number.NaN,
    notes: '',
  };
  const rows = list.data ?? [];
  return (
    <section aria-labelledby="page-title" className="page">
      <div className="page-header">
        <h1 id="page-title">Reports</h1>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!unlocked || !accounts.length}
            onClick={() => setEditing('new')}
          >
            Enter figures
          </button>
          <button type="button" disabled={!unlocked || !accounts.length} onClick={() => setImporting(true)}>
            Import from analytics
          </button>
        </div>
      </div>
      <ReportsNav current="figures" />
      <h2>Engagement figures</h2>
      {message ? (
        <p role="status" className="notice">
          {message}
        </p>
      ) : null}
      {list.data && rows.length === 0 ? (
        <div className="empty-state">
          <p>
            No figures yet. Open each account's analytics on the platform at the end of term, then use “Enter figures”,
            or “Import from analytics” with the platform's per-post export.
          </p>
        </div>
      ) : (
        <table className="data-table" aria-label="Engagement figures">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Period</th>
              <th scope="col">Followers</th>
              <th scope="col">Engagement</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span className="sr-only">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => {
              const words = engagementWords[f.platform];
              const period = `${ukDate(f.from)} to ${ukDate(f.to)}`;
              return (
                <tr key={f.id}>
                  <td>{f.accountLabel}</td>
                  <td>{period}</td>
                  <td>
                    {f.followersStart} to {f.followersEnd} ({signed(f.newFollowers)})
                  </td>
                  <td>
                    {f.posts} {words.posts.toLowerCase()}, {f.shares} {words.shares.toLowerCase()}, {f.mentions}{' '}
                    {words.mentions.toLowerCase()}, {f.likes} {words.likes.toLowerCase()}
                  </td>
                  <td>{f.source === 'csv' ? 'Analytics import' : 'Entered by hand'}</td>
                  <td>
                    <div className="actions">
                      <button
                        type="button"
                        disabled={!unlocked}
                        onClick={() => setEditing(f)}
                        aria-label={`Edit ${f.accountLabel} ${period}`}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        disabled={!unlocked}
                        aria-label={`Delete ${f.accountLabel} ${period}`}
                        onClick={() => void api.figures.delete({ id: f.id }).then(() => done('Figures deleted.'))}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Modal
        title={editing === 'new' ? 'Enter figures' : 'Edit figures'}
        isOpen={editing !== null}
        onOpenChange={(o) => !o && setEditing(null)}
        wide
      >
        {(close) => (
          <FiguresForm
            initial={editing && editing !== 'new' ? toInput(editing) : blank}
            accounts={accounts}
            submitLabel="Save figures"
            onCancel={close}
            onSubmit={async (values) => {
              try {
                if (editing && editing !== 'new')
                  await api.figures.update({ id: editing.id, figures: values }, { handled: true });
                else await api.figures.save(values, { handled: true });
                close();
                done('Figures saved.');
                return null;
              } catch (error) {
                const message = error instanceof Error ? error.message : 'The figures were not saved.';
                return { message, overlap: error instanceof ApiError && error.code === 'CONFLICT' };
              }
            }}
          />
        )}
      </Modal>
      <Modal title="Import from an analytics export" isOpen={importing} onOpenChange={setImporting} wide>
        {(close) => (
          <FiguresImport
            accounts={accounts}
            onCancel={close}
            onDone={() => {
              close();
              done('Figures imported.');
            }}
          />
        )}
      </Modal>
    </section>
  );
}
