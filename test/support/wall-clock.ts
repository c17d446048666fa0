/** The date and time Intl shows in `zone` at `instant`, as "YYYY-MM-DD HH:MM" (the sv-SE form): the tests' oracle. */
export function wallClock(instant: string, zone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}
