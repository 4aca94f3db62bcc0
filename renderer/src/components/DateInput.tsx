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
  Text,
} from 'react-aria-components';

/**
 * An accessible date field (react-aria): typed as dd/mm/yyyy segments under
 * the en-GB locale, with a calendar popover. Value in and out as yyyy-mm-dd.
 */
export function DateInput({
  label,
  value,
  onChange,
  labelHidden = false,
  error,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  /** The label is read out but not shown (a table's column and row headers show it). */
  labelHidden?: boolean;
  /** A problem with this date, shown beside it and tied to it for screen readers. */
  error?: string;
}) {
  let parsed: CalendarDate | null = null;
  try {
    parsed = value ? parseDate(value) : null;
  } catch {
    parsed = null;
  }
  return (
    <DatePicker
      className="date-picker"
      value={parsed}
      isInvalid={Boolean(error)}
      onChange={(next) => onChange(next ? next.toString() : '')}
    >
      <Label className={labelHidden ? 'sr-only' : undefined}>{label}</Label>
      <Group className="date-group">
        <AriaDateInput className="date-input">
          {(segment) => <DateSegment segment={segment} className="date-segment" />}
        </AriaDateInput>
        <Button className="calendar-button" aria-label={`Choose ${label.toLowerCase()} from a calendar`}>
          ▾
        </Button>
      </Group>
      {error ? (
        <Text slot="errorMessage" className="field-error">
          {error}
        </Text>
      ) : null}
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
