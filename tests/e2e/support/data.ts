/**
 * What a test creates for itself: organizations, accounts, sessions,
 * consultations, submitted comments. Every name, email and slug carries the
 * test's own suffix, so no test ever sees another's rows, and every count a
 * test asserts is of rows it made.
 *
 * These functions run inside the e2e server's process (data-service.ts),
 * on the app's own Prisma client: see data-service.ts for why the test
 * workers do not write to the database themselves.
 *
 * Which app code this leans on, and why (everything else is plain Prisma on
 * the schema):
 * - the importer (app/lib/import parseText) and the model functions the seed
 *   and the integration fixtures use to store an imported text as a version
 *   (createConsultation, createVersionFromImport): a version is sections,
 *   paragraphs, paragraph keys carried over from the previous version,
 *   paragraph links and the precomputed comparison, and only the app knows
 *   how to write all of that consistently;
 * - the rich-text pipeline (app/lib/richtext), for comment bodies stored as
 *   the app stores typed ones;
 * - the app's session helpers (app/utils/session.server createSession), so a
 *   session row is exactly what signing in writes (Lucia's id format, idle
 *   expiry, createdAt for the absolute lifetime), with the cookie name and
 *   lifetime the app uses; and hashPassword, so the sign-in form accepts a
 *   test's password.
 */
import fs from "node:fs";
import path from "node:path";

import type { PrismaClient } from "~/generated/prisma/client";
import type { ImportedDocument } from "~/lib/import";
import type { OrganizationKind, RoleName } from "~/lib/permissions";

type Db = PrismaClient;

const CORPUS = path.resolve("tests/fixtures/corpus");
const DAY_MS = 24 * 60 * 60 * 1000;
const GCA_DRAFT_FILE = "gca-guidelines-draft-2020-C20-65.txt";
const GCA_FINAL_FILE = "gca-guidelines-final-2022.txt";

/** The app modules used here, loaded once. */
async function app() {
  const [imports, versions, consultations, richtext, session, password, twoFactor] = await Promise.all([
    import("~/lib/import"),
    import("~/models/version.server"),
    import("~/models/consultation.server"),
    import("~/lib/richtext"),
    import("~/utils/session.server"),
    import("~/utils/password.server"),
    import("~/utils/two-factor.server"),
  ]);
  return {
    parseText: imports.parseText,
    parseMarkdown: imports.parseMarkdown,
    createVersionFromImport: versions.createVersionFromImport,
    createConsultation: consultations.createConsultation,
    richtext,
    createSession: session.createSession,
    SESSION_COOKIE_NAME: session.SESSION_COOKIE_NAME,
    SESSION_ABSOLUTE_LIFETIME_MS: session.SESSION_ABSOLUTE_LIFETIME_MS,
    hashPassword: password.hashPassword,
    encryptSecret: twoFactor.encryptSecret,
    markSessionVerified: twoFactor.markSessionVerified,
  };
}
let loaded: ReturnType<typeof app> | undefined;
const appModules = () => (loaded ??= app());

/** Loads the app modules and parses the GCA texts: a few seconds on a busy machine, done once, at start. */
export async function warmUp() {
  await appModules();
  await Promise.all([corpusDocument(GCA_DRAFT_FILE), corpusDocument(GCA_FINAL_FILE)]);
}

/** What a test made, removed after it. */
export interface CreatedRows {
  consultationIds: string[];
  /** Consultations a test made through the app (e.g. the import form). */
  consultationSlugs: string[];
  userIds: string[];
  organizationIds: string[];
}

/** Deletes a test's rows, the consultations first (their documents, versions and comments go with them). */
export async function removeRows(db: Db, rows: CreatedRows) {
  await db.consultation.deleteMany({
    where: { OR: [{ id: { in: rows.consultationIds } }, { slug: { in: rows.consultationSlugs } }] },
  });
  await db.user.deleteMany({ where: { id: { in: rows.userIds } } });
  await db.organization.deleteMany({ where: { id: { in: rows.organizationIds } } });
}

export interface TestOrganization {
  id: string;
  name: string;
  kind: OrganizationKind;
}

export async function createOrganization(
  db: Db,
  input: { name: string; kind: OrganizationKind },
): Promise<TestOrganization> {
  const row = await db.organization.create({ data: input, select: { id: true } });
  return { id: row.id, ...input };
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  organization: TestOrganization | null;
  /** Set only for accounts that sign in through the form. */
  password: string | null;
  /** The TOTP secret (hex) of a secretariat fixture, to compute codes as an authenticator app would. */
  totpSecret: string | null;
}

/** An account; without `password` it can only be signed in with a session (signInAs). */
export async function createUser(
  db: Db,
  input: {
    email: string;
    name: string;
    role: RoleName;
    organization: TestOrganization | null;
    password?: string;
    /** Secretariat accounts get a confirmed TOTP (the app requires one) unless this is false. */
    totp?: boolean;
  },
): Promise<TestUser> {
  // Roles are reference data: the server writes them at every start.
  const role = await db.role.findUniqueOrThrow({ where: { name: input.role }, select: { id: true } });
  const email = input.email.trim().toLowerCase();
  const row = await db.user.create({
    data: {
      email,
      name: input.name,
      roleId: role.id,
      organizationId: input.organization?.id ?? null,
      passwordHash: input.password ? await (await appModules()).hashPassword(input.password) : null,
    },
    select: { id: true },
  });
  let totpSecret: string | null = null;
  if (input.role === "secretariat" && input.totp !== false) {
    const secret = crypto.getRandomValues(new Uint8Array(20));
    await db.totpCredential.create({
      data: { userId: row.id, encryptedSecret: (await appModules()).encryptSecret(secret), confirmedAt: new Date() },
    });
    totpSecret = Buffer.from(secret).toString("hex");
  }
  return {
    id: row.id,
    email,
    name: input.name,
    role: input.role,
    organization: input.organization,
    password: input.password ?? null,
    totpSecret,
  };
}

/**
 * A signed-in session for `user` and the browser cookie that carries it:
 * the session row is written by the app's own createSession (as the sign-in
 * form's action does); the cookie is the one the app sets: `consult_session`
 * holding the bare session id (Lucia v3 neither signs nor hashes it),
 * HttpOnly, SameSite=Lax, path /, lasting until the session's absolute end
 * (Secure only over https, as the app sets it).
 */
export async function createSessionCookie({ userId, baseURL }: { userId: string; baseURL: string }) {
  const { createSession, SESSION_COOKIE_NAME, SESSION_ABSOLUTE_LIFETIME_MS } = await appModules();
  const session = await createSession({ userId });
  // As if the second factor had been entered (harmless for accounts without one).
  await (await appModules()).markSessionVerified({ sessionId: session.id });
  const url = new URL(baseURL);
  return {
    name: SESSION_COOKIE_NAME,
    value: session.id,
    domain: url.hostname,
    path: "/",
    expires: Math.floor((session.createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS) / 1000),
    httpOnly: true,
    secure: url.protocol === "https:",
    sameSite: "Lax" as const,
  };
}

const parsedCorpus = new Map<string, Promise<ImportedDocument>>();

/** A corpus text parsed by the app's importer, once per worker. */
function corpusDocument(file: string) {
  let parsed = parsedCorpus.get(file);
  if (!parsed) {
    parsed = appModules().then(({ parseText }) => parseText(fs.readFileSync(path.join(CORPUS, file), "utf8")));
    parsedCorpus.set(file, parsed);
  }
  return parsed;
}

export interface TestVersion {
  id: string;
  number: number;
  label: string;
}

export interface TestConsultation {
  id: string;
  slug: string;
  title: string;
  /** "/consultations/<slug>" followed by `rest`. */
  path: (rest?: string) => string;
  draft: TestVersion;
  /** Only when created with `final: true`. */
  final: TestVersion | null;
}

export const GCA_DOCUMENT_TITLE = "Guidelines for utilization of the Global Cybersecurity Agenda";

/**
 * The GCA consultation as the seed makes it, under the test's own slug and
 * title: Draft 1 (C20/65) open for comments since yesterday for 60 days and,
 * with `final`, the Council 2022 text as version 2 (whose comparison with
 * the draft is computed at import, as in the seed).
 */
export async function createGcaConsultation({
  suffix,
  final = true,
  now = new Date(),
}: {
  suffix: string;
  final?: boolean;
  now?: Date;
}): Promise<Omit<TestConsultation, "path">> {
  const { createConsultation, createVersionFromImport } = await appModules();
  const slug = `gca-${suffix}`;
  const title = `${GCA_DOCUMENT_TITLE} (${suffix})`;
  const consultation = await createConsultation({
    slug,
    title,
    summary: "Open consultation on the draft Guidelines for utilization of the Global Cybersecurity Agenda.",
    status: "open",
    timeZone: "Europe/Zurich",
  });
  const draft = { label: "Draft 1 (C20/65)" };
  const draftRow = await createVersionFromImport({
    consultationSlug: slug,
    documentSlug: "guidelines",
    documentTitle: GCA_DOCUMENT_TITLE,
    label: draft.label,
    status: "open",
    publishedAt: new Date("2020-05-05T10:00:00Z"),
    commentsOpenAt: new Date(now.getTime() - DAY_MS),
    commentsCloseAt: new Date(now.getTime() + 60 * DAY_MS),
    sourceFileName: GCA_DRAFT_FILE,
    imported: await corpusDocument(GCA_DRAFT_FILE),
  });
  let finalVersion: TestVersion | null = null;
  if (final) {
    const label = "Final text (Council 2022)";
    const row = await createVersionFromImport({
      consultationSlug: slug,
      documentSlug: "guidelines",
      label,
      status: "final",
      publishedAt: new Date("2022-03-25T10:00:00Z"),
      sourceFileName: GCA_FINAL_FILE,
      imported: await corpusDocument(GCA_FINAL_FILE),
    });
    finalVersion = { ...row, label };
  }
  return {
    id: consultation.id,
    slug,
    title,
    draft: { ...draftRow, label: draft.label },
    final: finalVersion,
  };
}

/** The real pairs (tests/fixtures/corpus/real-pairs, see its README) that tests may import. */
const REAL_PAIRS = {
  nist: ["nist-sp800-63-3-xal-2017-01-30-draft.md", "nist-sp800-63-3-xal-2017-06-18-final.md"],
  openjs: ["openjs-cpc-charter-2019-01-14.md", "openjs-cpc-charter-2026-01-07.md"],
} as const;

/**
 * A consultation with one of the real pairs as its two versions: the older text closed as "Draft", the
 * newer one final (their comparison computed at import, as for any new version).
 */
export async function createRealPairConsultation({
  suffix,
  pair,
}: {
  suffix: string;
  pair: keyof typeof REAL_PAIRS;
}): Promise<Omit<TestConsultation, "path">> {
  const { createConsultation, createVersionFromImport, parseMarkdown } = await appModules();
  const slug = `${pair}-${suffix}`;
  const title = `Real pair ${pair} (${suffix})`;
  const consultation = await createConsultation({ slug, title, status: "open" });
  const versions: TestVersion[] = [];
  for (const [index, file] of REAL_PAIRS[pair].entries()) {
    const label = index === 0 ? "Draft" : "Final";
    const row = await createVersionFromImport({
      consultationSlug: slug,
      documentSlug: pair,
      label,
      status: index === 0 ? "closed" : "final",
      publishedAt: new Date(Date.UTC(2020, index, 1)),
      sourceFileName: file,
      imported: parseMarkdown(fs.readFileSync(path.join(CORPUS, "real-pairs", file), "utf8")),
    });
    versions.push({ ...row, label });
  }
  return { id: consultation.id, slug, title, draft: versions[0], final: versions[1] };
}

export interface SubmittedComment {
  organization: TestOrganization;
  /** Paragraph key, e.g. "2-9-d". */
  paragraph: string;
  type: "general" | "technical" | "editorial";
  text: string;
  proposedText?: string;
  author?: TestUser;
  /** A decision the secretariat has already taken. */
  disposition?: { status: "accepted" | "accepted_in_part" | "not_accepted" | "noted"; response: string };
}

/**
 * Comments as submitted on the platform during the comment period: the body
 * through the app's rich-text pipeline (plain text → rich text → sanitized
 * HTML), the first revision, an optional decision. Submitted a minute apart
 * in the given order, the last one a minute ago.
 */
export async function addSubmittedComments(
  db: Db,
  {
    consultation,
    comments,
    version = consultation.draft,
    now = new Date(),
  }: {
    consultation: Pick<TestConsultation, "id" | "draft">;
    comments: SubmittedComment[];
    version?: TestVersion;
    now?: Date;
  },
) {
  const { richtext } = await appModules();
  const paragraphs = new Map(
    (await db.paragraph.findMany({ where: { versionId: version.id }, select: { id: true, key: true } })).map((p) => [
      p.key,
      p.id,
    ]),
  );
  const ids: string[] = [];
  for (const [index, comment] of comments.entries()) {
    const paragraphId = paragraphs.get(comment.paragraph);
    if (!paragraphId) throw new Error(`No paragraph ${comment.paragraph} in version ${version.number}`);
    const parsed = richtext.parseRichText(richtext.plainTextToRichText(comment.text));
    if (!parsed.ok) throw new Error(`Comment body: ${parsed.error.key}`);
    const body = {
      body: JSON.stringify(parsed.doc),
      bodyHtml: richtext.renderRichText(parsed.doc),
      bodyText: richtext.richTextToPlainText(parsed.doc),
    };
    const submittedAt = new Date(now.getTime() - (comments.length - index) * 60_000);
    const authorId = comment.author?.id ?? null;
    const row = await db.comment.create({
      data: {
        consultationId: consultation.id,
        versionId: version.id,
        paragraphId,
        organizationId: comment.organization.id,
        authorId,
        type: comment.type,
        status: "submitted",
        ...body,
        proposedText: comment.proposedText ?? null,
        origin: "platform",
        submittedAt,
        submittedById: authorId,
        createdAt: submittedAt,
        revisions: {
          create: {
            revision: 1,
            event: "submitted",
            type: comment.type,
            body: body.body,
            bodyHtml: body.bodyHtml,
            proposedText: comment.proposedText ?? null,
            status: "submitted",
            editedById: authorId,
            createdAt: submittedAt,
          },
        },
        disposition: comment.disposition
          ? { create: { ...comment.disposition, decidedAt: new Date(submittedAt.getTime() + 30_000) } }
          : undefined,
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}
