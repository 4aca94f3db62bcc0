import { useState } from 'react';
import type { Account, ChannelOutput, FiguresCsvMapping } from '../../../../shared/contract';
import { engagementWords } from '../../../../shared/policy/engagement';
import { periodProblems } from '../../../../shared/policy/report-period';
import { useApi } from '../../api/context';
import { DateInput } from '../../components/DateInput';
import { FormField } from '../../components/FormField';

type Opened = Extract<ChannelOutput<'figures.openCsv'>, { cancelled: false }>;
type Preview = ChannelOutput<'figures.previewCsv'>;

/**
 * Engagement from a platform's per-post analytics export (X: one row per
 * post with retweets, replies and likes): choose the columns, preview the
 * sums for the period, then save them with the follower counts.
 */
export function FiguresImport({
  accounts,
  onDone,
  onCancel,
}: {
  accounts: Account[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [mapping, setMapping] = useState<FiguresCsvMapping>({ date: 0, shares: null, mentions: null, likes: null });
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? 0);
  const [dates, setDates] = useState({ from: '', to: '' });
  const [followers, setFollowers] = useState({ start: '', end: '' });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const words = engagementWords[accounts.find((a) => a.id === accountId)?.platform ?? 'x'];
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : 'That did not work.');
  const request = () => ({ importId: opened!.importId, accountId, ...dates, mapping });
  const datesProblem =
    dates.from && dates.to ? periodProblems(dates.from, dates.to)[0] : 'Choose the dates the figures cover.';

  const choose = () =>
    api.figures.openCsv(undefined, { handled: true }).then((result) => {
      setError(null);
      if (result.cancelled) return;
      setOpened(result);
      setPreview(null);
      if (result.suggestedMapping) setMapping(result.suggestedMapping);
    }, fail);
  const doPreview = () =>
    api.figures.previewCsv(request(), { handled: true }).then((p) => (setPreview(p), setError(null)), fail);
  const doImport = () => {
    const start = Number(followers.start);
    const end = Number(followers.end);
    if (
      followers.start === '' ||
      followers.end === '' ||
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      start < 0 ||
      end < 0
    )
      return setError('Enter the followers at the start and the end as whole numbers.');
    api.figures
      .importCsv({ ...request(), followersStart: start, followersEnd: end }, { handled: true })
      .then(onDone, fail);
  };
  const column = (key: keyof FiguresCsvMapping, label: string, optional: boolean) => (
    <FormField id={`map-${key}`} label={label}>
      <select
        id={`map-${key}`}
        value={mapping[key] ?? ''}
        onChange={(e) => {
          setMapping({ ...mapping, [key]: e.target.value === '' ? null : Number(e.target.value) });
          setPreview(null);
        }}
      >
        {optional ? <option value="">Not in this file</option> : null}
        {opened!.headers.map((h, i) => (
          <option key={i} value={i}>
            {h || `Column ${i + 1}`}
          </option>
        ))}
      </select>
    </FormField>
  );

  return (
    <div className="csv-preview">
      <p className="hint">
        Export the per-post analytics from the platform (for X: one row per post), then choose the file.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void choose()}>
          {opened ? 'Choose another file' : 'Choose the analytics file'}
        </button>
        {opened ? (
          <span>
            {opened.fileName}: {opened.rowCount} rows
          </span>
        ) : null}
      </div>
      {opened ? (
        <>
          <div className="field-grid">
            <FormField id="import-account" label="Account">
              <select id="import-account" value={accountId} onChange={(e) => setAccountId(Number(e.target.value))}>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.handle}
                  </option>
                ))}
              </select>
            </FormField>
            <DateInput
              label="From"
              value={dates.from}
              onChange={(from) => (setDates({ ...dates, from }), setPreview(null))}
            />
            <DateInput label="To" value={dates.to} onChange={(to) => (setDates({ ...dates, to }), setPreview(null))} />
          </div>
          <fieldset>
            <legend>Columns</legend>
            <div className="field-grid">
              {column('date', 'Date of the post', false)}
              {column('shares', words.shares, true)}
              {column('mentions', `${words.mentions} (replies)`, true)}
              {column('likes', words.likes, true)}
            </div>
          </fieldset>
          {datesProblem ? <p className="hint">{datesProblem}</p> : null}
          <button type="button" disabled={Boolean(datesProblem)} onClick={() => void doPreview()}>
            Preview
          </button>
        </>
      ) : null}
      {preview ? (
        <section aria-labelledby="preview-title">
          <h3 id="preview-title">Preview</h3>
          <dl data-testid="csv-preview">
            <dt>{words.posts}</dt>
            <dd>{preview.postsInPeriod}</dd>
            <dt>{words.shares}</dt>
            <dd>{preview.shares}</dd>
            <dt>{words.mentions}</dt>
            <dd>{preview.mentions}</dd>
            <dt>{words.likes}</dt>
            <dd>{preview.likes}</dd>
            <dt>Rows outside the dates</dt>
            <dd>{preview.outsidePeriod}</dd>
          </dl>
          {preview.unreadable.length ? (
            <ul className="warn-text">
              {preview.unreadable.slice(0, 10).map((u) => (
                <li key={u.rowNumber}>
                  Row {u.rowNumber}: {u.problem} It is left out.
                </li>
              ))}
            </ul>
          ) : null}
          <div className="field-grid">
            <FormField id="import-start" label="Followers at the start">
              <input
                type="number"
                min={0}
                step={1}
                value={followers.start}
                onChange={(e) => setFollowers({ ...followers, start: e.target.value })}
              />
            </FormField>
            <FormField id="import-end" label="Followers at the end">
              <input
                type="number"
                min={0}
                step={1}
                value={followers.end}
                onChange={(e) => setFollowers({ ...followers, end: e.target.value })}
              />
            </FormField>
          </div>
        </section>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" disabled={!preview} onClick={doImport}>
          Import these figures
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
