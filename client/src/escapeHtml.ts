// Text for HTML content or a quoted attribute value. A module of its own so that what runs at
// activation (extracted.ts) does not load the summary panel with it.
export function escapeHtml(value: string): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
