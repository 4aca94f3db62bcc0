import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportData } from '../../../../shared/contract';
import { chartCaption, engagementColours as colours, engagementKeys } from '../../../../shared/policy/engagement';

/**
 * Followers and engagement across the last terms (Recharts: SVG, keyboard
 * navigable through its accessibility layer, styles set as attributes so it
 * runs under the strict CSP). The same figures follow as a table.
 */
export function EngagementChart({ data }: { data: ReportData }) {
  const rows = data.history.map((h) => ({ ...h }));
  // The main process sends only the terms that have figures.
  const hasAny = rows.length > 0;
  return (
    <figure className="engagement-chart">
      {hasAny ? (
        <ComposedChart
          width={760}
          height={260}
          data={rows}
          title={chartCaption(rows.length)}
          desc={`${data.words.posts}, ${data.words.shares}, ${data.words.mentions} and ${data.words.likes} per term as bars; followers at the end of each term as a line.`}
          margin={{ top: 10, right: 20, bottom: 5, left: 0 }}
        >
          <CartesianGrid stroke="#d9dee4" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
          <YAxis yAxisId="counts" tick={{ fontSize: 12 }} allowDecimals={false} />
          <YAxis yAxisId="followers" orientation="right" tick={{ fontSize: 12 }} allowDecimals={false} />
          <Tooltip />
          {/* In the bars' own order (Recharts sorts the legend by name unless told not to). */}
          <Legend itemSorter={null} />
          {engagementKeys.map((key) => (
            <Bar
              key={key}
              yAxisId="counts"
              dataKey={key}
              name={data.words[key]}
              fill={colours[key]}
              isAnimationActive={false}
            />
          ))}
          <Line
            yAxisId="followers"
            dataKey="followersEnd"
            name="Followers (right scale)"
            stroke="#000"
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      ) : null}
      <figcaption className={hasAny ? undefined : 'hint'}>{chartCaption(rows.length)}</figcaption>
      <details>
        <summary>Show the figures as a table</summary>
        <table className="data-table" aria-label="Followers and engagement by term">
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Followers at the end</th>
              {engagementKeys.map((k) => (
                <th key={k} scope="col">
                  {data.words[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.followersEnd ?? '–'}</td>
                {engagementKeys.map((k) => (
                  <td key={k}>{r[k] ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
