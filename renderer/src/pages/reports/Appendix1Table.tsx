import type { ReactNode } from 'react';
import type { ReportData } from '../../../../shared/contract';
import { engagementKeys, followerTypeKeys, followerTypeLabels, signed } from '../../../../shared/policy/engagement';
import { issueKindLabels, replySentCell, replySummary, replyTiming } from '../../../../shared/policy/issue-rules';
import { londonDateTime, ukDate } from './report-format';

/**
 * The policy's table on screen, row for row as it prints (north-herts
 * Appendix 1). `comments` is the editor for "Any other comments", shown in
 * that row so the comments appear once.
 */
export function Appendix1Table({ data, comments }: { data: ReportData; comments?: ReactNode }) {
  const f = data.figures;
  const types = f
    ? followerTypeKeys
        .filter((k) => f.followerTypes[k] !== null)
        .map((k) => `${followerTypeLabels[k]} ${f.followerTypes[k]}`)
        .join(', ')
    : '';
  return (
    <table className="appendix1" aria-label={`${data.title}: ${data.account.label}`}>
      <tbody>
        <tr>
          <th scope="row" className="section">
            Date range
          </th>
          <td colSpan={4} data-testid="date-range">
            {ukDate(data.period.from)} to {ukDate(data.period.to)}
          </td>
        </tr>
        <tr>
          <th scope="row" className="section">
            New followers
          </th>
          <td colSpan={4} data-testid="new-followers">
            {f ? (
              <>
                <span className="number">{signed(f.newFollowers)}</span>
                <div className="small">
                  {f.followersStart} at the start, {f.followersEnd} at the end.
                  {types ? ` Types of follower: ${types}.` : ''}
                </div>
              </>
            ) : (
              <>
                Not entered. <a href="#/reports/figures">Enter the figures</a>
              </>
            )}
          </td>
        </tr>
        <tr>
          <th scope="rowgroup" rowSpan={2} className="section">
            Engagement
          </th>
          {engagementKeys.map((k) => (
            <th key={k} scope="col">
              {data.words[k]}
            </th>
          ))}
        </tr>
        <tr data-testid="engagement-counts">
          {engagementKeys.map((k) => (
            <td key={k} className="number">
              {f ? f[k] : '–'}
            </td>
          ))}
        </tr>
        <tr>
          <th scope="rowgroup" rowSpan={Math.max(1, data.issues.length) + 1} className="section">
            Issues and Actions
            {replySummary(data.issues) ? <div className="small">{replySummary(data.issues)}</div> : null}
          </th>
          <th scope="col">Date</th>
          <th scope="col">Original comment</th>
          <th scope="col">Reply sent</th>
          <th scope="col">Recorded by</th>
        </tr>
        {data.issues.length === 0 ? (
          <tr>
            <td colSpan={4}>No issues were logged in this period.</td>
          </tr>
        ) : (
          data.issues.map((issue) => (
            <tr key={issue.id} data-testid="report-issue">
              <td>
                {londonDateTime(issue.receivedAt)}
                <div className="small">{issueKindLabels[issue.kind]}</div>
              </td>
              <td>{issue.originalComment}</td>
              <td>
                {replySentCell(issue).text}
                {replySentCell(issue).actions ? (
                  <div className="small">Actions: {replySentCell(issue).actions}</div>
                ) : null}
                <div className="small">{replyTiming(issue)}</div>
                <div className="small">
                  {issue.status === 'resolved' ? 'Resolved' : issue.overdue ? 'Open: reply overdue' : 'Open'}
                </div>
              </td>
              <td>{issue.recordedBy}</td>
            </tr>
          ))
        )}
        <tr>
          <th scope="row" className="section" id="report-comments-label">
            Any other comments
          </th>
          <td colSpan={4} className="comments">
            {comments ?? (data.comments || 'None')}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
