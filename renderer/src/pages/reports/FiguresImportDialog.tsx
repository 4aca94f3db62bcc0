import { useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { contract, type AccountListRow, type ChannelInput, type ChannelOutput } from '../../../../shared/contract';
import { engagementWords } from '../../../../shared/policy/engagement';
import { periodProblems } from '../../../../shared/policy/report-period';
import { DateField } from '../../components/DateField';
import { errorMessage } from '../../components/error-message';
import { describedBy, FormField } from '../../components/FormField';
import { FormDialog } from '../../components/FormDialog';
import { useChannel, useMutate } from '../../data/queries';
import { CsvPreview } from './CsvPreview';
import { TermDatesPicker, useTermChoices } from './TermDates';
import { AccountField } from './AccountField';

type Opened = Extract<ChannelOutput<'figures.openCsv'>, { cancelled: false }>;
type PreviewRequest = ChannelInput<'figures.previewCsv'>;
const schema = contract['figures.importCsv'].input.omit({ importId: true });
type Form = UseFormReturn<z.input<typeof schema>, unknown, z.output<typeof schema>>;
const column = (v: unknown) => (v === '' || v === null ? null : Number(v));
type Words = (typeof engagementWords)[keyof typeof engagementWords];

/**
 * Engagement from a platform's per-post analytics export (X: one row per
 * post with retweets, replies and likes): choose the columns, preview the
 * sums for the period, then save them with the follower counts.
 */
export function FiguresImportDialog({
  accounts,
  onClose,
  onImported,
}: {
  accounts: AccountListRow[];
  onClose: () => void;
  onImported: () => void;
}) {
  const openCsv = useMutate('figures.openCsv', { handled: true });
  const importCsv = useMutate('figures.importCsv', { handled: true });
  const opened = openCsv.data && !openCsv.data.cancelled ? openCsv.data : null;
  // The preview shown is for the request it was asked for; changing a column or a date asks again.
  const [previewFor, setPreviewFor] = useState<PreviewRequest | null>(null);
  const preview = useChannel('figures.previewCsv', previewFor!, { enabled: previewFor !== null, handled: true });
  // The dates start on the current term's own dates (from the term calendar).
  const { current } = useTermChoices();
  return (
    <FormDialog
      title="Import from an analytics export"
      isOpen
      onOpenChange={(open) => (open ? undefined : onClose())}
      wide
      schema={schema}
      defaultValues={{
        accountId: accounts[0]?.id ?? 0,
        from: current?.from ?? '',
        to: current?.to ?? '',
        mapping: { date: 0, time: null, text: null, shares: null, mentions: null, likes: null },
        followersStart: Number.NaN,
        followersEnd: Number.NaN,
      }}
      submitLabel="Import these figures"
      canSubmit={opened !== null && previewFor !== null && preview.isSuccess}
      onSubmit={async (values) => {
        await importCsv.mutateAsync({ importId: opened!.importId, ...values });
        onImported();
      }}
    >
      {(form) => (
        <ImportFields
          form={form}
          accounts={accounts}
          opened={opened}
          onChoose={() =>
            openCsv.mutate(
              {},
              {
                onSuccess: (result) => {
                  setPreviewFor(null);
                  if (!result.cancelled && result.suggestedMapping) form.setValue('mapping', result.suggestedMapping);
                },
              },
            )
          }
          onPreview={() => {
            const { accountId, from, to, mapping } = form.getValues();
            setPreviewFor({ importId: opened!.importId, accountId, from, to, mapping });
          }}
          onStale={setPreviewFor}
          preview={previewFor ? (preview.data ?? null) : null}
          problem={openCsv.isError ? errorMessage(openCsv.error) : preview.isError ? errorMessage(preview.error) : null}
        />
      )}
    </FormDialog>
  );
}

function ImportFields({
  form,
  accounts,
  opened,
  onChoose,
  onPreview,
  onStale,
  preview,
  problem,
}: {
  form: Form;
  accounts: AccountListRow[];
  opened: Opened | null;
  onChoose: () => void;
  onPreview: () => void;
  onStale: (cleared: null) => void;
  preview: ChannelOutput<'figures.previewCsv'> | null;
  problem: string | null;
}) {
  const { watch } = form;
  const words = engagementWords[accounts.find((a) => a.id === Number(watch('accountId')))?.platform ?? 'x'];
  useEffect(() => {
    const watching = watch((_values, { name }) => {
      if (name && name !== 'followersStart' && name !== 'followersEnd') onStale(null);
    });
    return () => watching.unsubscribe();
  }, [watch, onStale]);
  return (
    <div className="csv-preview">
      <p className="hint">
        Export the per-post analytics from the platform (for X: one row per post), then choose the file.
      </p>
      <div className="actions">
        <button type="button" onClick={onChoose}>
          {opened ? 'Choose another file' : 'Choose the analytics file'}
        </button>
        {opened ? (
          <span>
            {opened.fileName}: {opened.rowCount} rows
          </span>
        ) : null}
      </div>
      {opened ? (
        <ColumnChoice form={form} accounts={accounts} headers={opened.headers} words={words} onPreview={onPreview} />
      ) : null}
      {preview ? (
        <CsvPreview preview={preview} words={words}>
          <div className="field-grid">
            <FollowersField form={form} name="followersStart" id="import-start" label="Followers at the start" />
            <FollowersField form={form} name="followersEnd" id="import-end" label="Followers at the end" />
          </div>
        </CsvPreview>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** Which account and dates the file covers, and which of its columns hold what. */
function ColumnChoice({
  form,
  accounts,
  headers,
  words,
  onPreview,
}: {
  form: Form;
  accounts: AccountListRow[];
  headers: string[];
  words: Words;
  onPreview: () => void;
}) {
  const { register, control, watch } = form;
  const [from, to] = watch(['from', 'to']);
  const datesProblem = from && to ? periodProblems(from, to)[0] : 'Choose the dates the figures cover.';
  const mapping = (
    key: 'date' | 'time' | 'text' | 'shares' | 'mentions' | 'likes',
    label: string,
    optional: boolean,
    none = 'Not in this file',
  ) => (
    <FormField id={`map-${key}`} label={label}>
      <select id={`map-${key}`} {...register(`mapping.${key}`, { setValueAs: column })}>
        {optional ? <option value="">{none}</option> : null}
        {headers.map((h, i) => (
          <option key={i} value={i}>
            {h || `Column ${i + 1}`}
          </option>
        ))}
      </select>
    </FormField>
  );
  return (
    <>
      <div className="field-grid">
        <AccountField
          id="import-account"
          accounts={accounts}
          registration={register('accountId', { valueAsNumber: true })}
        />
        <TermDatesPicker
          id="import-term"
          from={from}
          to={to}
          onPick={(term) => {
            form.setValue('from', term.from, { shouldValidate: true });
            form.setValue('to', term.to, { shouldValidate: true });
          }}
        />
        <DateField control={control} name="from" label="From" />
        <DateField control={control} name="to" label="To" />
      </div>
      <fieldset>
        <legend>Columns</legend>
        <div className="field-grid">
          {mapping('date', 'Date of the post', false)}
          {mapping('time', 'Time of the post', true, 'With the date, or not in this file')}
          {mapping('text', 'Text of the post', true)}
          {mapping('shares', words.shares, true)}
          {mapping('mentions', `${words.mentions} (replies)`, true)}
          {mapping('likes', words.likes, true)}
        </div>
      </fieldset>
      {datesProblem ? <p className="hint">{datesProblem}</p> : null}
      <button type="button" disabled={Boolean(datesProblem)} onClick={onPreview}>
        Preview
      </button>
    </>
  );
}

function FollowersField({
  form,
  name,
  id,
  label,
}: {
  form: Form;
  name: 'followersStart' | 'followersEnd';
  id: string;
  label: string;
}) {
  const error = form.formState.errors[name]?.message;
  return (
    <FormField id={id} label={label} error={error}>
      <input
        type="number"
        min={0}
        step={1}
        {...form.register(name, { valueAsNumber: true })}
        {...describedBy(id, undefined, error)}
      />
    </FormField>
  );
}
