/**
 * Dates as the school reads them now live in the one time module,
 * shared/time.ts; these names are kept for the modules that still import them.
 */
export { londonDateOf as londonIsoDate, ukDate, ukDateOf, ukDateTime } from '../../shared/time';
