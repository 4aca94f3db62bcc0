import type { ReactNode } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import type { engagementWords } from '../../../../shared/policy/engagement';

/** The sums an analytics export gives for the period, and the rows that could not be read. */
export function CsvPreview({
  preview,
  words,
  children,
}: {
  preview: ChannelOutput<'figures.previewCsv'>;
  words: (typeof engagementWords)[keyof typeof engagementWords];
  children: ReactNode;
}) {
  return (
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
      <PostTimes preview={preview} />
      {preview.unreadable.length ? (
        <ul className="warn-text">
          {preview.unreadable.slice(0, 10).map((u) => (
            <li key={u.rowNumber}>
              Row {u.rowNumber}: {u.problem} It is left out.
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}

/**
 * Where the file gives post times, how many posts were outside the school's
 * posting hours (wentworth "Usage Policy"); the report lists them.
 */
function PostTimes({ preview }: { preview: ChannelOutput<'figures.previewCsv'> }) {
  const without = preview.postsInPeriod - preview.withTime;
  if (preview.withTime === 0)
    return <p className="hint">The file gives no post times, so posting hours cannot be checked.</p>;
  return (
    <p data-testid="csv-post-times">
      Posting hours ({preview.hours}): {preview.outsideHours} of {preview.withTime} posts with a time were outside them.
      {without > 0 ? ` ${without} post${without === 1 ? ' has' : 's have'} no time in the file.` : ''}
    </p>
  );
}
