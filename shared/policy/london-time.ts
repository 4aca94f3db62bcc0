/**
 * London wall-clock time now lives in the one time module, ../time.ts; these
 * names are kept for the modules that still import them from here.
 */
export {
  londonInstant,
  londonParts,
  ukDate as ukDay,
  ukDateTime as ukDateTimeOf,
  weekdayName,
  weekdayNames,
  type LondonParts,
} from '../time';
