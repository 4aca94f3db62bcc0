import { parseDate, type CalendarDate } from '@internationalized/date';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput as AriaDateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  Label,
  Popover,
} from 'react-aria-components';

/**
 * An accessible date field (react-aria): typed as dd/mm/yyyy segments under
 * the en-GB locale, with a calendar popover. Value in and out as yyyy-mm-dd.
 */
export function DateInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
}) {
  let parsed: CalendarDate | null = null;
  try {
    parsed = value ? parseDate(value) : null;
  } catch {
    parsed = null;
  }
  return (
    <DatePicker className="date-picker" value={parsed} onChange={(next) => onChange(next ? next.toString() : '')}>
      <Label>{label}</Label>
      <Group className="date-group">
        <AriaDateInput className="date-input">
          {(segment) => <DateSegment segment={segment} className="date-segment" />}
        </AriaDateInput>
        <Button className="calendar-button" aria-label={`Choose ${label.toLowerCase()} from a calendar`}>
          ▾
        </Button>
      </Group>
      <Popover className="popover">
        <Dialog className="calendar-dialog">
          <Calendar>
            <header className="calendar-header">
              <Button slot="previous" aria-label="Previous month">
                ‹
              </Button>
              <Heading />
              <Button slot="next" aria-label="Next month">
                ›
              </Button>
            </header>
            <CalendarGrid>{(date) => <CalendarCell date={date} className="calendar-cell" />}</CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}
