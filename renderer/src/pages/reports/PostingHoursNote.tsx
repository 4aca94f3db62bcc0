import type { ReportData } from '../../../../shared/contract';
import { ukDate, weekdayName } from '../../../../shared/time';

/**
 * Below the Appendix 1 table, never in it: how many posts went out outside
 * the school's posting hours (wentworth "Usage Policy"), each listed so the
 * administrator can say in the comments which were events or urgent news.
 * Shown only when the imported analytics gave post times.
 */
export function PostingHoursNote({ data }: { data: ReportData }) {
  const hours = data.postingHours;
  if (!hours) return null;
  return (
    <section className="posting-hours" aria-labelledby="posting-hours-title">
      <h3 id="posting-hours-title">Posting hours</h3>
      <p data-testid="posting-hours">
        {hours.sentence}
        {hours.outside.length ? ' The policy allows posts outside the hours for school events and urgent news.' : ''}
      </p>
      {hours.outside.length ? (
        <table aria-labelledby="posting-hours-title">
          <thead>
            <tr>
              <th scope="col">Posted</th>
              <th scope="col">Post</th>
            </tr>
          </thead>
          <tbody>
            {hours.outside.map((post, i) => (
              <tr key={i}>
                <td>
                  {weekdayName(post.date)} {ukDate(post.date)} {post.time}
                </td>
                <td>{post.text || 'No text in the export'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="hint">
        The hours are a setting: <a href="#/settings">change them in Settings</a>.
      </p>
    </section>
  );
}
