import { Placeholder } from '../components/Placeholder';

/** Sections whose features have not landed yet say so, and what to do meanwhile. */
export const HandoverPage = () => (
  <Placeholder
    title="Handover"
    arrives="Handover when a staff member leaves (transfer or close each account, rotate passwords) arrives with the handover feature."
    meanwhile="If someone who knows a password is leaving, change that password on their last day."
  />
);
