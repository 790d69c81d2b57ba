/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: header line, then rows; CRLF line ends, with a BOM so spreadsheets read it as UTF-8. */
export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Numbers in a CSV stay machine-readable: a dot, two decimals. */
export function csvAmount(value: number): string {
  return value.toFixed(2);
}
