/**
 * Demo data: the GCA consultation (2020 Draft 1 and 2022 final text), the
 * HLEG 2008 report with its members' comments, demo organizations and one
 * account per role. Idempotent: does nothing when the demo is already there.
 */
import fs from "node:fs";
import path from "node:path";

import { parseText } from "~/lib/import";
import type { OrganizationKind, RoleName } from "~/lib/permissions";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { recordSourceComments } from "~/models/comment.server";
import { createConsultation } from "~/models/consultation.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { createVersionFromImport } from "~/models/version.server";
import { ensureDatabaseReady, prisma } from "~/utils/db.server";

export const GCA_SLUG = "gca-guidelines";
export const HLEG_SLUG = "hleg-2008";
const CORPUS = path.resolve("tests/fixtures/corpus");
const DAY = 24 * 60 * 60 * 1000;

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "consult-demo-2026";

export const DEMO_ORGANIZATIONS: Array<{ name: string; kind: OrganizationKind }> = [
  { name: "Consultation Secretariat", kind: "secretariat" },
  { name: "Delegation of Member State A", kind: "member_state" },
  { name: "Delegation of Member State B", kind: "member_state" },
  { name: "Example Telecom (Sector Member)", kind: "sector_member" },
  { name: "University of Example", kind: "academia" },
  { name: "Open Internet Civil Society Network", kind: "civil_society" },
  { name: "Regional Cybersecurity Organization", kind: "international_organization" },
];

export const DEMO_ACCOUNTS: Array<{ email: string; name: string; role: RoleName; organization: string | null }> = [
  {
    email: "secretariat@demo.test",
    name: "Sam Secretariat",
    role: "secretariat",
    organization: "Consultation Secretariat",
  },
  {
    email: "focal.point@demo.test",
    name: "Fatima Focal",
    role: "focal_point",
    organization: "Delegation of Member State A",
  },
  {
    email: "delegate@demo.test",
    name: "Dario Delegate",
    role: "delegate",
    organization: "Delegation of Member State A",
  },
  { email: "observer@demo.test", name: "Olga Observer", role: "observer", organization: null },
];

function corpus(file: string) {
  return fs.readFileSync(path.join(CORPUS, file), "utf8");
}

/**
 * `mail`: also the demo's outgoing mail (prisma/demo-mail.ts), as `npm start`
 * and `npm run db:seed` seed; off for the tests and benchmarks that seed,
 * which count the mail and invitations they make themselves.
 */
export async function seed({ now = new Date(), quiet = false, mail = false } = {}) {
  await ensureDatabaseReady();
  await ensureReferenceData();
  const existing = await prisma.consultation.findUnique({ where: { slug: GCA_SLUG }, select: { id: true } });
  if (existing) {
    if (!quiet) console.log("Demo data already present; nothing to seed.");
    return false;
  }

  const organizations = new Map<string, string>();
  for (const organization of DEMO_ORGANIZATIONS) {
    const row = await upsertOrganization(organization);
    organizations.set(row.name, row.id);
  }
  for (const account of DEMO_ACCOUNTS) {
    await createUser({
      email: account.email,
      name: account.name,
      password: DEMO_PASSWORD,
      role: account.role,
      organizationId: account.organization ? (organizations.get(account.organization) ?? null) : null,
    });
  }

  await createConsultation({
    slug: GCA_SLUG,
    title: "Guidelines for utilization of the Global Cybersecurity Agenda",
    summary:
      "Open consultation with all WSIS stakeholders on the draft Guidelines for utilization of the Global " +
      "Cybersecurity Agenda (GCA) by the ITU. Draft 1 (Council document C20/65) is open for comments " +
      "paragraph by paragraph; the text approved by Council in 2022 is published as version 2 for comparison.",
    status: "open",
    timeZone: "Europe/Zurich",
  });
  await createVersionFromImport({
    consultationSlug: GCA_SLUG,
    documentSlug: "guidelines",
    documentTitle: "Guidelines for utilization of the Global Cybersecurity Agenda",
    label: "Draft 1 (C20/65)",
    status: "open",
    publishedAt: new Date("2020-05-05T10:00:00Z"),
    commentsOpenAt: new Date(now.getTime() - DAY),
    commentsCloseAt: new Date(now.getTime() + 60 * DAY),
    sourceFileName: "gca-guidelines-draft-2020-C20-65.txt",
    imported: parseText(corpus("gca-guidelines-draft-2020-C20-65.txt")),
  });
  await createVersionFromImport({
    consultationSlug: GCA_SLUG,
    documentSlug: "guidelines",
    label: "Final text (Council 2022)",
    status: "final",
    publishedAt: new Date("2022-03-25T10:00:00Z"),
    sourceFileName: "gca-guidelines-final-2022.txt",
    imported: parseText(corpus("gca-guidelines-final-2022.txt")),
  });

  await createConsultation({
    slug: HLEG_SLUG,
    title: "HLEG report 2008: proposals and members' comments",
    summary:
      "The 2008 proposals of the GCA High-Level Experts Group, work areas 1 to 5, each with the comments its " +
      "members made on it: the shape of paragraph-level feedback that the GCA guidelines build on.",
    status: "concluded",
    timeZone: "Europe/Zurich",
    commentsVisibility: "during",
  });
  const hleg = parseText(corpus("hleg-2008-proposals-with-member-comments.txt"), {
    title: "Report of the High-Level Experts Group (2008)",
  });
  await createVersionFromImport({
    consultationSlug: HLEG_SLUG,
    documentSlug: "hleg-report",
    documentTitle: "Report of the High-Level Experts Group (2008)",
    label: "HLEG report (2008)",
    status: "final",
    publishedAt: new Date("2008-11-26T10:00:00Z"),
    sourceFileName: "hleg-2008-proposals-with-member-comments.txt",
    imported: hleg,
  });
  await recordSourceComments({
    slug: HLEG_SLUG,
    versionNumber: 1,
    attribution: "HLEG members",
    submittedAt: new Date("2008-11-26T10:00:00Z"),
    comments: hleg.sections.flatMap((section) =>
      section.paragraphs.flatMap((paragraph) =>
        (paragraph.memberComments ?? []).map((text) => ({ paragraphKey: paragraph.key, text })),
      ),
    ),
  });

  await (await import("./demo-comments")).seedDemoComments({ slug: GCA_SLUG, versionNumber: 1, now });
  if (mail) await (await import("./demo-mail")).seedDemoMail({ slug: GCA_SLUG, now });
  if (!quiet) {
    console.log("\nSeeded the GCA consultation. Demo accounts (password for all: %s):", DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(12)} ${account.email}`);
    console.log("");
  }
  return true;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve("prisma/seed.ts");
if (invokedDirectly) {
  seed({ mail: true })
    .then(() => prisma.$disconnect())
    .catch(async (error: unknown) => {
      console.error(error);
      await prisma.$disconnect();
      process.exit(1);
    });
}
