export type UploadedFile = { filename: string; data: Buffer };
export type MultipartForm = { fields: Record<string, string>; files: Map<string, UploadedFile> };

/**
 * Minimal multipart/form-data reader. Lenient about header spelling because
 * grammY writes "content-disposition:form-data;name=..." without spaces and
 * leaves filenames unquoted.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartForm {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const form: MultipartForm = { fields: {}, files: new Map() };
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return form;
  const delimiter = Buffer.from(`--${marker}`);
  let position = body.indexOf(delimiter);
  while (position >= 0) {
    const partStart = position + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) break;
    readPart(body.subarray(partStart, next), form);
    position = next;
  }
  return form;
}

function readPart(part: Buffer, form: MultipartForm): void {
  const headerEnd = part.indexOf("\r\n\r\n");
  if (headerEnd < 0) return;
  const headers = part.subarray(0, headerEnd).toString("utf8");
  let content = part.subarray(headerEnd + 4);
  if (content.subarray(-2).toString() === "\r\n") content = content.subarray(0, -2);
  const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? /name=([^;\s]+)/i.exec(headers)?.[1];
  if (!name) return;
  const filename = /filename="([^"]*)"/i.exec(headers)?.[1] ?? /filename=([^;\r\n]+)/i.exec(headers)?.[1];
  if (filename !== undefined) form.files.set(name, { filename: filename.trim(), data: Buffer.from(content) });
  else form.fields[name] = content.toString("utf8");
}
