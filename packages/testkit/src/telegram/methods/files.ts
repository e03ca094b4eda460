import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import type { File } from "@grammyjs/types";
import { badRequest } from "../api-error.ts";
import { readString } from "../params.ts";
import type { StoredFile, World } from "../world.ts";
import type { MethodTable } from "./method-context.ts";

/** Telegram lets bots download files up to 20 MB; getFile refuses larger ones. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

type KnownFile = {
  fileId: string;
  fileUniqueId: string;
  size: number;
  folder: string;
  extension: string;
  /** Photos only: the emulator serves a PNG of this size. */
  side?: { width: number; height: number };
};

/** One of the world's files by its file_id, with where Telegram would keep it. */
function findFile(stored: StoredFile | undefined, fileId: string): KnownFile | undefined {
  const size = stored?.photo?.find((s) => s.file_id === fileId);
  if (size)
    return {
      fileId,
      fileUniqueId: size.file_unique_id,
      size: size.file_size ?? 1_000,
      folder: "photos",
      extension: "png",
      side: { width: size.width, height: size.height },
    };
  const other = stored?.video ?? stored?.voice ?? stored?.document;
  if (!other || other.file_id !== fileId) return undefined;
  const named = stored?.document?.file_name?.match(/\.([A-Za-z0-9]{1,8})$/)?.[1];
  const [folder, extension] = stored?.video
    ? ["videos", "mp4"]
    : stored?.voice
      ? ["voice", "oga"]
      : ["documents", named ?? "bin"];
  return { fileId, fileUniqueId: other.file_unique_id, size: other.file_size ?? 1_000, folder, extension };
}

const pathOf = (file: KnownFile) => `${file.folder}/${file.fileId}.${file.extension}`;

export const fileMethods: MethodTable = {
  /** file_id -> where to download it; the path names the file_id, so the download finds it again. */
  getFile(context): File {
    const fileId = readString(context.params, "file_id");
    if (!fileId) throw badRequest("file_id is empty");
    const file = findFile(context.world.files.get(fileId), fileId);
    if (!file) throw badRequest("invalid file_id");
    if (file.size > MAX_DOWNLOAD_BYTES) throw badRequest("file is too big");
    return {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.size,
      file_path: pathOf(file),
    };
  },
};

/**
 * `GET /file/bot<token>/<file_path>`: the bytes of a file getFile named, deterministic and of the
 * file's size. A photo is a valid PNG of its width and height (padded to its size), so a browser shows it.
 */
export function readFileDownload(world: World, token: string, filePath: string): Buffer | undefined {
  if (!world.botsByToken.has(token)) return undefined;
  const fileId = filePath.match(/^[a-z]+\/([^/.]+)\.[A-Za-z0-9]+$/)?.[1];
  const file = fileId ? findFile(world.files.get(fileId), fileId) : undefined;
  if (!file || pathOf(file) !== filePath || file.size > MAX_DOWNLOAD_BYTES) return undefined;
  return file.side ? createPng(file.fileId, file.side, file.size) : patternBytes(file.fileId, file.size);
}

function patternBytes(seed: string, size: number): Buffer {
  const block = createHash("sha256").update(seed).digest();
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i += block.length) block.copy(out, i);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An RGB PNG in a colour drawn from the file id, darker towards the bottom, then an ancillary
 * private chunk (`prVt`, which decoders skip) pads it to `size` bytes when there is room.
 */
function createPng(seed: string, side: { width: number; height: number }, size: number): Buffer {
  const [r, g, b] = createHash("sha256").update(seed).digest();
  const { width, height } = side;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const shade = 1 - (0.5 * y) / Math.max(1, height - 1);
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = Math.round((r ?? 0) * shade);
      raw[row + 2 + x * 3] = Math.round((g ?? 0) * shade);
      raw[row + 3 + x * 3] = Math.round((b ?? 0) * shade);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const parts = [signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw))];
  const end = chunk("IEND", Buffer.alloc(0));
  const length = parts.reduce((n, p) => n + p.length, 0) + end.length;
  if (size - length >= 12) parts.push(chunk("prVt", patternBytes(seed, size - length - 12)));
  return Buffer.concat([...parts, end]);
}
