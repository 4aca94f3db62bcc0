import { Placeholder } from '../components/Placeholder';

/** Sections whose features have not landed yet say so, and what to do meanwhile. */
export const DashboardPage = () => (
  <Placeholder
    title="Dashboard"
    arrives="The dashboard will list what needs you this week: overdue rotations, breaches, open handovers and comments awaiting a reply."
    meanwhile="Until then, keep using your current process for rotations and reports."
  />
);
export const PeoplePage = () => (
  <Placeholder
    title="People"
    arrives="The staff directory (roles, policy acknowledgement, training) arrives with the register feature."
    meanwhile="You can gather each holder's policy acknowledgement and training dates ready to enter."
  />
);
export const RotationsPage = () => (
  <Placeholder
    title="Rotations"
    arrives="Termly password rotation on the school's term dates arrives with the rotation feature."
    meanwhile="Change passwords at least termly and at once after any security threat, as the policy says."
  />
);
export const HandoverPage = () => (
  <Placeholder
    title="Handover"
    arrives="Handover when a staff member leaves (transfer or close each account, rotate passwords) arrives with the handover feature."
    meanwhile="If someone who knows a password is leaving, change that password on their last day."
  />
);
export const ReportsPage = () => (
  <Placeholder
    title="Reports"
    arrives="The termly Appendix 1 report and the issues and actions log arrive with the reporting feature."
    meanwhile="Record complaints and abuse in your current log; the report will take them in later."
  />
);
