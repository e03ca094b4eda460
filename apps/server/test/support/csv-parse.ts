/**
 * A small RFC 4180 reader for checking exports: quoted fields with doubled quotes, commas and
 * line breaks inside quotes, CRLF records. Strict: a bare LF record end or a stray quote fails.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
        if (i < text.length && text[i] !== "," && text[i] !== "\r")
          throw new Error(`stray text after a quote at ${i}`);
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      if (field !== "") throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (c === ",") {
      row.push(field);
      field = "";
      i += 1;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (c === "\n" || c === "\r") {
      throw new Error(`a bare line break at ${i}: records must end with CRLF`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error("an unterminated quoted field");
  if (field !== "" || row.length) throw new Error("the last record does not end with CRLF");
  return rows;
}

/** An export as objects keyed by its header, after checking the BOM Excel needs. */
export function readCsvExport(body: string): Array<Record<string, string>> {
  if (!body.startsWith("\uFEFF")) throw new Error("the export does not start with a UTF-8 BOM");
  const [header, ...records] = parseCsv(body.slice(1));
  if (!header) throw new Error("the export has no header");
  return records.map((record) => {
    if (record.length !== header.length)
      throw new Error(`a record with ${record.length} fields, not ${header.length}`);
    return Object.fromEntries(header.map((name, k) => [name, record[k] ?? ""]));
  });
}
