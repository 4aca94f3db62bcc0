import { Placeholder } from '../../components/Placeholder';

/** #/reports and below: the Appendix 1 report, figures and the issues log. */
export function ReportsSection(_props: { segments: string[] }) {
  return (
    <Placeholder
      title="Reports"
      arrives="The termly Appendix 1 report and the issues and actions log arrive with the reporting feature."
      meanwhile="Record complaints and abuse in your current log; the report will take them in later."
    />
  );
}

/** Shown on the Dashboard: comments awaiting a reply. */
export function ReportsDashboardCard() {
  return null;
}
