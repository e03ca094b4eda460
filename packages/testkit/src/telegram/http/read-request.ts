import type { IncomingMessage } from "node:http";
import { badRequest } from "../api-error.ts";
import { type MultipartForm, parseMultipart, type UploadedFile } from "./multipart.ts";

export type ApiRequestBody = { params: Record<string, unknown>; files: Map<string, UploadedFile> };

/** Query string first, body on top: Telegram accepts parameters from either place. */
export async function readRequest(request: IncomingMessage, url: URL): Promise<ApiRequestBody> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const files = new Map<string, UploadedFile>();
  const body = await readBody(request);
  if (body.length === 0) return { params, files };
  const contentType = String(request.headers["content-type"] ?? "").toLowerCase();
  if (contentType.includes("application/json")) {
    Object.assign(params, parseJsonBody(body));
  } else if (contentType.includes("multipart/form-data")) {
    const form: MultipartForm = parseMultipart(body, String(request.headers["content-type"]));
    Object.assign(params, form.fields);
    for (const [name, file] of form.files) files.set(name, file);
  } else {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  }
  return { params, files };
}

function parseJsonBody(body: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("can't parse JSON request body");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw badRequest("JSON request body must be an object");
  }
  return parsed as Record<string, unknown>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
