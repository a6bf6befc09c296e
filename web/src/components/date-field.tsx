import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
// The calendar's 36 kB of CSS comes with the calendar, not with the first screen.
import '@mantine/dates/styles.css';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { formatDate, parseDayInput, todayIso } from '@/lib/dates';

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'min' | 'max' | 'rightSection'> {
  /** `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  /** The calendar offers no day before this one (typed days are left to the form's own check). */
  minDate?: string;
  maxDate?: string;
}

const shown = (value: string) => (value ? formatDate(value) : '');

/**
 * A day, typed or picked, shown the way the app prints dates (`11 Nov 2026` in en-GB). It takes what people
 * type: ISO (`2026-11-11`), the printed form, or numbers in their locale's order; the calendar opens from
 * its own button, so typing never covers the form with it.
 */
export function DateField({ value, onChange, minDate, maxDate, onBlur, error, label, ...props }: DateFieldProps) {
  const [text, setText] = useState(() => shown(value));
  const [opened, setOpened] = useState(false);
  const [unreadable, setUnreadable] = useState(false);
  const emitted = useRef(value);

  // A value set from outside (a reset, a suggestion) replaces what is in the box.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setText(shown(value));
    setUnreadable(false);
  }, [value]);

  const emit = (next: string) => {
    emitted.current = next;
    if (next !== value) onChange(next);
  };

  const labelText = typeof label === 'string' ? label : 'the date';
  return (
    <TextInput
      {...props}
      label={label}
      value={text}
      placeholder={props.placeholder ?? `e.g. ${formatDate(todayIso())}`}
      autoComplete="off"
      error={error ?? (unreadable ? `Type a date such as ${formatDate(todayIso())}.` : undefined)}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        setUnreadable(false);
        emit(typed.trim() === '' ? '' : (parseDayInput(typed) ?? ''));
      }}
      onBlur={(event) => {
        const day = parseDayInput(text);
        if (day) setText(formatDate(day));
        else if (text.trim()) setUnreadable(true);
        onBlur?.(event);
      }}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" withinPortal trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => setOpened((open) => !open)}
              // Named without the field's label, so the label still finds exactly one control (the box).
              aria-label="Pick from a calendar"
              title={`Pick ${labelText.toLowerCase()} from a calendar`}
              aria-expanded={opened}
              disabled={props.disabled || props.readOnly}
            >
              <IconCalendar size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              previousLabel="Previous month"
              nextLabel="Next month"
              hideOutsideDates
              weekendDays={[]}
              value={value || null}
              defaultDate={value || undefined}
              minDate={minDate || undefined}
              maxDate={maxDate || undefined}
              onChange={(day) => {
                const next = day ?? '';
                setText(shown(next));
                setUnreadable(false);
                emit(next);
                setOpened(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
