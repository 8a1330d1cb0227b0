/**
 * Dates as ISO strings (`YYYY-MM-DD`, what the API speaks), entered with React Aria's
 * segmented date field (typed in the UI language's order) and, for `DatePicker`, a calendar.
 *
 *     <DatePicker label={t('finding.due')} value={due} onChange={setDue} minValue={today()} />
 */
import { parseDate } from '@internationalized/date';
import type { CalendarDate } from '@internationalized/date';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateField as AriaDateField,
  DateInput,
  DatePicker as AriaDatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
} from 'react-aria-components';
import type { DateValue } from 'react-aria-components';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import './ui.css';

/** `YYYY-MM-DD` → a calendar date, or null (empty or not a real date). */
export function toCalendarDate(iso: string | null | undefined): CalendarDate | null {
  if (iso === null || iso === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  try {
    return parseDate(iso);
  } catch {
    return null;
  }
}

/** Today in the browser's time zone, as `YYYY-MM-DD`. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface DateFieldProps {
  readonly label: string;
  /** `YYYY-MM-DD` or null. */
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
  readonly description?: string;
  readonly errorMessage?: string | null;
  readonly isRequired?: boolean;
  readonly isDisabled?: boolean;
  readonly minValue?: string;
  readonly maxValue?: string;
  readonly name?: string;
}

function common(props: DateFieldProps) {
  const min = toCalendarDate(props.minValue);
  const max = toCalendarDate(props.maxValue);
  const invalid =
    props.errorMessage !== undefined && props.errorMessage !== null && props.errorMessage !== '';
  return {
    value: toCalendarDate(props.value),
    onChange: (value: DateValue | null) => {
      props.onChange(value === null ? null : value.toString().slice(0, 10));
    },
    isRequired: props.isRequired ?? false,
    isDisabled: props.isDisabled ?? false,
    isInvalid: invalid,
    ...(min === null ? {} : { minValue: min }),
    ...(max === null ? {} : { maxValue: max }),
    ...(props.name === undefined ? {} : { name: props.name }),
  };
}

/**
 * React Aria adds a visually hidden native date input (for forms and autofill) without a name of
 * its own; screen readers in browse mode would meet an unnamed date field. Name it like the field.
 */
function useNamedHiddenInput(label: string) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // React Aria renders it right after the field's element, not inside it.
    const next = ref.current?.nextElementSibling;
    if (next?.getAttribute('data-testid') !== 'hidden-dateinput-container') return;
    next.querySelector('input')?.setAttribute('aria-label', label);
  });
  return ref;
}

function Help({ description, errorMessage }: DateFieldProps) {
  return (
    <>
      {description === undefined ? null : (
        <Text slot="description" className="ui-description">
          {description}
        </Text>
      )}
      <FieldError className="ui-field-error">{errorMessage ?? null}</FieldError>
    </>
  );
}

/** A date typed in segments (day, month, year), no calendar. */
export function DateField(props: DateFieldProps) {
  const ref = useNamedHiddenInput(props.label);
  return (
    <AriaDateField {...common(props)} ref={ref} className="ui-field ui-datefield">
      <Label className="ui-label">{props.label}</Label>
      <DateInput className="ui-input ui-date-input">
        {(segment) => <DateSegment segment={segment} className="ui-date-segment" />}
      </DateInput>
      <Help {...props} />
    </AriaDateField>
  );
}

/** A date typed in segments or chosen in a calendar. */
export function DatePicker(props: DateFieldProps) {
  const { t } = useI18n();
  const ref = useNamedHiddenInput(props.label);
  return (
    <AriaDatePicker {...common(props)} ref={ref} className="ui-field ui-datepicker">
      <Label className="ui-label">{props.label}</Label>
      <Group className="ui-date-group">
        <DateInput className="ui-input ui-date-input">
          {(segment) => <DateSegment segment={segment} className="ui-date-segment" />}
        </DateInput>
        <Button className="ui-combobox-button" aria-label={t('ui.openCalendar')}>
          <span aria-hidden="true">▾</span>
        </Button>
      </Group>
      <Help {...props} />
      <Popover className="ui-popover">
        <Dialog className="ui-calendar-dialog">
          <Calendar className="ui-calendar">
            <header className="ui-calendar-head">
              <Button slot="previous" className="ui-icon-button">
                <span aria-hidden="true">‹</span>
              </Button>
              <Heading className="ui-calendar-title" />
              <Button slot="next" className="ui-icon-button">
                <span aria-hidden="true">›</span>
              </Button>
            </header>
            <CalendarGrid className="ui-calendar-grid">
              {(date) => <CalendarCell date={date} className="ui-calendar-cell" />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </AriaDatePicker>
  );
}
