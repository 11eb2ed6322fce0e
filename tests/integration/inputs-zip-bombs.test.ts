/**
 * Zip bombs on every zip upload (issue 12): a .docx is a zip, and each
 * upload route refuses one that inflates far beyond its size, in under a
 * second and without the process's memory growing by more than 50 MB, even
 * when the central directory lies about the sizes. The bombs are made here:
 * 316 KB inflating to 300 MB, and 1 MB inflating to 1 GiB.
 */
import zlib from "node:zlib";

import { beforeAll, describe, expect, it } from "vitest";

import { prisma } from "~/utils/db.server";

import { action as importAction } from "../../app/routes/consultations.$slug.comments.import";
import { action as contributionAction } from "../../app/routes/consultations.$slug.contributions";
import { action as uploadAction } from "../../app/routes/consultations.$slug.upload";
import { action as newConsultationAction } from "../../app/routes/consultations.new";
import { GCA_SLUG, seed } from "../../prisma/seed";
import { startUserSession } from "./session-fixtures";

const context = { cspNonce: "", requestId: "zip-bomb", clientAddress: "127.0.0.1" };
const MiB = 1024 * 1024;

/** Raw DEFLATE of `size` zero bytes, made chunk by chunk (the test holds only the compressed form). */
async function deflatedZeros(size: number, level: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level, memLevel: 9 });
  const parts: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => parts.push(chunk));
  const done = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  const zeros = Buffer.alloc(4 * MiB);
  for (let written = 0; written < size; written += zeros.length) {
    const chunk = written + zeros.length <= size ? zeros : zeros.subarray(0, size - written);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(parts);
}

/** Random bytes stored as they are: pads a bomb to the upload size the issue measured. */
function padding(size: number) {
  const bytes = Buffer.alloc(size);
  for (let k = 0; k < size; k++) bytes[k] = (k * 2654435761) >>> 24;
  return bytes;
}

interface Entry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  /** What the central directory says it inflates to. */
  declared: number;
}

/** A ZIP file written by hand, so that the directory can lie about the sizes. */
function zipFile(entries: Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.' +
    'wordprocessingml.document.main+xml"/></Types>',
);

/** A Word document whose document part inflates to `inflated` bytes while the directory declares 4 KB. */
async function bombDocx({ inflated, fileSize }: { inflated: number; fileSize: number }) {
  const document = await deflatedZeros(inflated, 9);
  const entries: Entry[] = [
    { name: "[Content_Types].xml", data: CONTENT_TYPES, method: 0, declared: CONTENT_TYPES.length },
    { name: "word/document.xml", data: document, method: 8, declared: 4096 },
  ];
  const fill = fileSize - zipFile(entries).length;
  if (fill > 0) entries.push({ name: "docProps/padding.bin", data: padding(fill), method: 0, declared: fill });
  return zipFile(entries);
}

let bombs: Array<{ label: string; bytes: Uint8Array; inflated: number }>;
const cookies: Record<string, string> = {};

async function cookieFor(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const headers = await startUserSession({ userId: user.id });
  return headers.get("Set-Cookie")!.split(";")[0];
}

function multipart(
  path: string,
  who: string,
  fields: Record<string, string>,
  file: { field: string; bytes: Uint8Array },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(
    file.field,
    new File([file.bytes as Uint8Array<ArrayBuffer>], "position.docx", { type: "application/octet-stream" }),
  );
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: cookies[who], Origin: "http://localhost" },
    body: form,
  });
}

async function settle(work: () => unknown) {
  try {
    return await work();
  } catch (thrown) {
    return thrown;
  }
}

function statusOf(result: unknown) {
  if (result instanceof Response) return result.status;
  return (result as { init?: { status?: number } | null }).init?.status ?? 200;
}

/** Runs `work` and reports its time and how far the resident set grew (sampled every 2 ms, and at the end). */
async function measured(work: () => Promise<unknown>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  const started = performance.now();
  const result = await settle(work);
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { result, ms, rssGrowthMB: (peak - before) / MiB };
}

const ROUTES: Array<{
  name: string;
  who: string;
  run: (bytes: Uint8Array, run: number) => Promise<unknown>;
  nothingSaved: (run: number) => Promise<void>;
}> = [
  {
    name: "draft upload opening a consultation (/consultations/new)",
    who: "secretariat@demo.test",
    run: (bytes, run) =>
      newConsultationAction({
        request: multipart(
          "/consultations/new",
          "secretariat@demo.test",
          {
            title: "Bomb consultation",
            slug: `zip-bomb-${run}`,
            timeZone: "UTC",
            commentsVisibility: "during",
            label: "Draft 1",
            opensAt: "2026-01-01T09:00",
            closesAt: "2030-01-01T09:00",
          },
          { field: "document", bytes },
        ),
        params: {},
        context,
      }),
    nothingSaved: async (run) => {
      expect(await prisma.consultation.count({ where: { slug: `zip-bomb-${run}` } })).toBe(0);
    },
  },
  {
    name: "new version upload (/consultations/$slug/upload)",
    who: "secretariat@demo.test",
    run: (bytes) =>
      uploadAction({
        request: multipart(
          `/consultations/${GCA_SLUG}/upload`,
          "secretariat@demo.test",
          { label: "Bomb version", status: "closed" },
          { field: "document", bytes },
        ),
        params: { slug: GCA_SLUG },
        context,
      }),
    nothingSaved: async () => {
      expect(await prisma.version.count({ where: { label: "Bomb version" } })).toBe(0);
    },
  },
  {
    name: "contribution attachment (/consultations/$slug/contributions)",
    who: "focal.point@demo.test",
    run: (bytes, run) =>
      contributionAction({
        request: multipart(
          `/consultations/${GCA_SLUG}/contributions`,
          "focal.point@demo.test",
          { title: `Bomb contribution ${run}`, bodyText: "See the attachment.", idempotencyKey: `zip-bomb-${run}-key` },
          { field: "attachment", bytes },
        ),
        params: { slug: GCA_SLUG },
        context,
      }),
    nothingSaved: async (run) => {
      expect(await prisma.contribution.count({ where: { title: `Bomb contribution ${run}` } })).toBe(0);
    },
  },
  {
    name: "commenting template import (/consultations/$slug/comments/import)",
    who: "focal.point@demo.test",
    run: (bytes) =>
      importAction({
        request: multipart(
          `/consultations/${GCA_SLUG}/comments/import`,
          "focal.point@demo.test",
          { version: "1" },
          { field: "file", bytes },
        ),
        params: { slug: GCA_SLUG },
        context,
      }),
    nothingSaved: async () => {},
  },
];

beforeAll(async () => {
  await seed({ quiet: true });
  for (const email of ["secretariat@demo.test", "focal.point@demo.test"]) cookies[email] = await cookieFor(email);
  bombs = [
    {
      label: "316 KB -> 300 MB",
      bytes: await bombDocx({ inflated: 300 * MiB, fileSize: 316 * 1024 }),
      inflated: 300 * MiB,
    },
    {
      label: "1 MB -> 1 GiB",
      bytes: await bombDocx({ inflated: 1024 * MiB, fileSize: 1024 * 1024 }),
      inflated: 1024 * MiB,
    },
  ];
}, 120_000);

describe("zip bombs on every zip upload", () => {
  it("are the sizes the issue measured", () => {
    expect(bombs[0].bytes.length).toBeLessThanOrEqual(316 * 1024 + 1024);
    expect(bombs[1].bytes.length).toBeLessThanOrEqual(1024 * 1024 + 1024);
  });

  let run = 0;
  for (const route of ROUTES) {
    it(`${route.name}: refused in under 1 s, RSS growth under 50 MB, nothing saved`, async () => {
      // The template import takes templates of at most 1 MB: the 1 MB bomb is one byte too many for it.
      const measurements: string[] = [];
      for (const bomb of bombs) {
        const thisRun = ++run;
        const { result, ms, rssGrowthMB } = await measured(() => route.run(bomb.bytes, thisRun));
        measurements.push(
          `${bomb.label}: ${statusOf(result)} in ${ms.toFixed(0)} ms, RSS +${rssGrowthMB.toFixed(1)} MB`,
        );
        expect(statusOf(result)).toBeGreaterThanOrEqual(400);
        expect(statusOf(result)).toBeLessThan(500);
        expect(ms).toBeLessThan(1000);
        expect(rssGrowthMB).toBeLessThan(50);
        await route.nothingSaved(thisRun);
      }
      console.log(`[zip bomb] ${route.name}\n  ${measurements.join("\n  ")}`);
    });
  }
});
