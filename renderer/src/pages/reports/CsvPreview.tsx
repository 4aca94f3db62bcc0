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
