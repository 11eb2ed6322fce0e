/**
 * A small consultation with crafted comments, for the feedback, disposition
 * and export tests: every count is known in advance.
 *
 * Version 1 of "fb-<suffix>":
 *   1 Introduction            1.1, 1.2
 *   2 Legal measures          (no paragraphs of its own)
 *     Guidelines (level 2)    2.1, 2.2
 *   3 Cooperation             3.1
 *
 * Comments (submitted unless noted):
 *   c1 State X  1.1 technical "Please mention regional organizations."          day 1, accepted
 *   c2 State Y  2.1 technical "Define critical infrastructure."                  day 1, noted
 *   c3 State X  2.2 general   "Delete this paragraph, it is out of scope."      day 2
 *   c4 Telecom  2.1 technical "Security by design for IoT." + proposed change   day 2
 *   c5 Uni      3.1 editorial "Typo: woman should read women."                  day 3
 *   c6 State Y  2.2 editorial "REGIONAL bodies should be named."               day 3
 *   c7 source   1.2 general   "One member wished to delete this proposal."     day 1
 *   draft (State X, 2.1) and withdrawn (State Y, 2.1): never counted.
 */
import { parseRichText, plainTextToRichText, renderRichText, richTextToPlainText } from "~/lib/richtext";
import { createConsultation } from "~/models/consultation.server";
import { upsertOrganization } from "~/models/user.server";
import { createVersionFromImport } from "~/models/version.server";
import { prisma } from "~/utils/db.server";
import { sessionUserSelect, toSessionUser } from "~/utils/session-user.server";

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DAY1 = new Date("2026-03-02T09:00:00Z");

export async function actorFor(email: string) {
  return toSessionUser(await prisma.user.findUniqueOrThrow({ where: { email }, select: sessionUserSelect }));
}

export function renderBody(text: string) {
  const parsed = parseRichText(plainTextToRichText(text));
  if (!parsed.ok) throw new Error(parsed.error.key);
  return {
    body: JSON.stringify(parsed.doc),
    bodyHtml: renderRichText(parsed.doc),
    bodyText: richTextToPlainText(parsed.doc),
  };
}

export async function createFeedbackFixture(suffix: string, now = new Date()) {
  const slug = `fb-${suffix}`;
  await createConsultation({ slug, title: `Feedback fixture ${suffix}`, status: "open", timeZone: "UTC" });
  await createVersionFromImport({
    consultationSlug: slug,
    documentSlug: "doc",
    documentTitle: "Fixture document",
    label: "Draft 1",
    status: "open",
    publishedAt: new Date(now.getTime() - 10 * DAY_MS),
    commentsOpenAt: new Date(now.getTime() - DAY_MS),
    commentsCloseAt: new Date(now.getTime() + 30 * DAY_MS),
    imported: {
      title: "Fixture document",
      sections: [
        {
          number: "1",
          heading: "Introduction",
          level: 1,
          paragraphs: [
            {
              key: "1-1",
              number: "1.1",
              text: "ITU should continue its efforts to facilitate multi-stakeholder discussions.",
            },
            { key: "1-2", number: "1.2", text: "The GCA comprises five pillars." },
          ],
        },
        { number: "2", heading: "Legal measures", level: 1, paragraphs: [] },
        {
          number: null,
          heading: "Guidelines",
          level: 2,
          paragraphs: [
            { key: "2-1", number: "2.1", text: "Member States are encouraged to protect critical infrastructure." },
            { key: "2-2", number: "2.2", text: "Member States are urged to design appropriate legal measures." },
          ],
        },
        {
          number: "3",
          heading: "Cooperation",
          level: 1,
          paragraphs: [{ key: "3-1", number: "3.1", text: "Special focus on vulnerable groups such as woman." }],
        },
      ],
    },
  });
  const version = await prisma.version.findFirstOrThrow({
    where: { consultation: { slug }, number: 1 },
    select: { id: true, consultationId: true, paragraphs: { select: { id: true, key: true } } },
  });
  const paragraph = Object.fromEntries(version.paragraphs.map((p) => [p.key, p.id]));
  const org = {
    x: (await upsertOrganization({ name: `State X ${suffix}`, kind: "member_state" })).id,
    y: (await upsertOrganization({ name: `State Y ${suffix}`, kind: "member_state" })).id,
    telecom: (await upsertOrganization({ name: `Telecom ${suffix}`, kind: "sector_member" })).id,
    uni: (await upsertOrganization({ name: `Uni ${suffix}`, kind: "academia" })).id,
  };
  const day = (n: number) => new Date(DAY1.getTime() + (n - 1) * DAY_MS);
  const make = async (fields: {
    organizationId: string | null;
    paragraph: string;
    type: string;
    text: string;
    submittedAt: Date;
    status?: string;
    origin?: string;
    proposedText?: string;
    sourceAttribution?: string;
  }) => {
    const created = await prisma.comment.create({
      data: {
        consultationId: version.consultationId,
        versionId: version.id,
        paragraphId: paragraph[fields.paragraph],
        organizationId: fields.organizationId,
        type: fields.type,
        status: fields.status ?? "submitted",
        ...renderBody(fields.text),
        proposedText: fields.proposedText ?? null,
        origin: fields.origin ?? "platform",
        sourceAttribution: fields.sourceAttribution ?? null,
        submittedAt: fields.status === "draft" ? null : fields.submittedAt,
        createdAt: fields.submittedAt,
      },
      select: { id: true },
    });
    return created.id;
  };
  const c = {
    c1: await make({
      organizationId: org.x,
      paragraph: "1-1",
      type: "technical",
      text: "Please mention regional organizations.",
      submittedAt: day(1),
    }),
    c2: await make({
      organizationId: org.y,
      paragraph: "2-1",
      type: "technical",
      text: "Define critical infrastructure.",
      submittedAt: day(1),
    }),
    c3: await make({
      organizationId: org.x,
      paragraph: "2-2",
      type: "general",
      text: "Delete this paragraph, it is out of scope.",
      submittedAt: day(2),
    }),
    c4: await make({
      organizationId: org.telecom,
      paragraph: "2-1",
      type: "technical",
      text: "Security by design for IoT.",
      proposedText: "IoT devices must be secure by design.",
      submittedAt: day(2),
    }),
    c5: await make({
      organizationId: org.uni,
      paragraph: "3-1",
      type: "editorial",
      text: "Typo: woman should read women.",
      submittedAt: day(3),
    }),
    c6: await make({
      organizationId: org.y,
      paragraph: "2-2",
      type: "editorial",
      text: "REGIONAL bodies should be named.",
      submittedAt: day(3),
    }),
    c7: await make({
      organizationId: null,
      paragraph: "1-2",
      type: "general",
      text: "One member wished to delete this proposal.",
      origin: "source",
      sourceAttribution: "Experts",
      submittedAt: day(1),
    }),
    draft: await make({
      organizationId: org.x,
      paragraph: "2-1",
      type: "technical",
      text: "A draft.",
      status: "draft",
      submittedAt: day(2),
    }),
    withdrawn: await make({
      organizationId: org.y,
      paragraph: "2-1",
      type: "technical",
      text: "Withdrawn.",
      status: "withdrawn",
      submittedAt: day(2),
    }),
  };
  const secretariat = await prisma.user.findUniqueOrThrow({
    where: { email: "secretariat@demo.test" },
    select: { id: true },
  });
  await prisma.disposition.create({
    data: { commentId: c.c1, status: "accepted", response: "Done.", decidedById: secretariat.id },
  });
  await prisma.disposition.create({
    data: { commentId: c.c2, status: "noted", response: "", decidedById: secretariat.id },
  });
  return { slug, version, paragraph, org, c };
}
