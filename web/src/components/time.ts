/** Now in the browser's clock as "2026-12-01T09:30", the value a datetime-local input takes. */
export function localNow(): string {
  return new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
