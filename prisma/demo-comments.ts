/**
 * Demo feedback on the GCA draft: submitted comments from the demo
 * organizations, so that the secretariat's dashboard, disposition workflow,
 * duplicate grouping and published table have something to show.
 *
 * - member states, a sector member, academia, civil society and a regional
 *   organization, general, technical and editorial comments, some with a
 *   proposed replacement text and one on a quoted phrase;
 * - three technical comments from member states on Section 2 (Pillar 1);
 * - a small campaign: six near-identical comments on 2.9 d. from six
 *   organizations, for the near-duplicate grouping;
 * - a few decisions already taken by the secretariat.
 *
 * Comments are written through the same rendering as comments typed on the
 * platform (plain text → rich text → sanitized HTML), as submitted, with
 * their first revision. Idempotent: nothing is added twice.
 */
import type { OrganizationKind } from "~/lib/permissions";
import { parseRichText, plainTextToRichText, renderRichText, richTextToPlainText } from "~/lib/richtext";
import { upsertOrganization } from "~/models/user.server";
import { prisma } from "~/utils/db.server";

/** Organizations the demo comments come from (created when missing). */
export const DEMO_COMMENT_ORGANIZATIONS: Array<{ name: string; kind: OrganizationKind }> = [
  { name: "Delegation of Member State A", kind: "member_state" },
  { name: "Delegation of Member State B", kind: "member_state" },
  { name: "Delegation of Member State D", kind: "member_state" },
  { name: "Delegation of Member State E", kind: "member_state" },
  { name: "Example Telecom (Sector Member)", kind: "sector_member" },
  { name: "University of Example", kind: "academia" },
  { name: "Open Internet Civil Society Network", kind: "civil_society" },
  { name: "Digital Rights Coalition", kind: "civil_society" },
  { name: "Regional Cybersecurity Organization", kind: "international_organization" },
];

type DemoComment = {
  organization: string;
  paragraph: string;
  type: "general" | "technical" | "editorial";
  text: string;
  proposedText?: string;
  quote?: string;
  /** A decision the secretariat has already taken. */
  disposition?: { status: "accepted" | "accepted_in_part" | "not_accepted" | "noted"; response: string };
};

const CAMPAIGN =
  "We ask that this guideline states explicitly that any legal measure on cybersecurity must comply with " +
  "international human rights law, including the rights to privacy and to freedom of expression, and that " +
  "civil society is consulted before such measures are adopted.";

/** The demo comments, oldest first. */
export const DEMO_COMMENTS: DemoComment[] = [
  {
    organization: "Delegation of Member State A",
    paragraph: "1-8",
    type: "editorial",
    text: "The GCA “comprises” five Pillars, or “is composed of” them; “is comprised of” should be corrected.",
    proposedText:
      "The GCA comprises five Pillars or Work Areas: legal measures; technical and procedural measures; " +
      "organizational structures; capacity building; and international cooperation.",
    disposition: { status: "accepted", response: "The sentence has been corrected as proposed." },
  },
  {
    organization: "Delegation of Member State A",
    paragraph: "2-5-c",
    type: "technical",
    text:
      "The description of IoT risks should mention security by design and the lifecycle of device updates, not " +
      "only botnets. Insecure default passwords remain the main attack vector.",
    proposedText:
      "Insecure default credentials and the absence of security updates over the lifetime of connected " +
      "devices remain the main attack vectors; security by design should be encouraged.",
  },
  {
    organization: "Delegation of Member State B",
    paragraph: "2-9-f",
    type: "technical",
    text:
      "Critical information infrastructure should be defined by reference to national lists; the guideline " +
      "should encourage Member States to identify operators of essential services and to require incident " +
      "notification within a fixed time.",
  },
  {
    organization: "Delegation of Member State D",
    paragraph: "2-6",
    type: "technical",
    text:
      "Procedural powers such as expedited preservation of stored computer data need safeguards and a clear " +
      "scope: the paragraph should say that these powers apply to specified criminal investigations only.",
  },
  {
    organization: "Delegation of Member State B",
    paragraph: "2-4",
    type: "general",
    text:
      "We do not support a reference to harmonizing laws on global issues. Please delete the second sentence " +
      "of this paragraph.",
  },
  {
    organization: "Example Telecom (Sector Member)",
    paragraph: "3-12-b",
    type: "technical",
    text:
      "SG17 coordination is welcome, but the coordination mechanism should also cover SG13 and SG20 work on " +
      "network and IoT security, and liaise with 3GPP SA3 for 5G.",
    proposedText:
      "A mechanism for close cooperation should be established among the ITU-T study groups, in particular " +
      "SG13, SG17 and SG20, and with other standards bodies such as 3GPP SA3, with SG17 in a coordinating " +
      "role.",
    disposition: {
      status: "accepted_in_part",
      response: "SG13 and SG20 are now named; external bodies are covered by guideline 3.12 c.",
    },
  },
  {
    organization: "University of Example",
    paragraph: "5-14-h",
    type: "general",
    text:
      "We support the development of a guide on cybersecurity education and offer to contribute curricula " +
      "developed with partner universities.",
  },
  {
    organization: "Open Internet Civil Society Network",
    paragraph: "2-9-h",
    type: "general",
    text:
      "Lawful access to encrypted content weakens security for everyone. We request the deletion of the " +
      "reference to end-to-end encryption.",
    quote:
      "facilitating lawful access to the content of communications where end-to-end encryption has been implemented",
  },
  {
    organization: "Regional Cybersecurity Organization",
    paragraph: "4-5",
    type: "general",
    text:
      "The figure of 85 countries without a national CIRT should be updated with the latest data and its " +
      "source cited.",
    disposition: { status: "noted", response: "The figure will be updated in the next draft from the 2020 GCI data." },
  },
  {
    organization: "Regional Cybersecurity Organization",
    paragraph: "4-8-c",
    type: "general",
    text:
      "Regional organizations should be named explicitly as partners in this coordination, as they host many " +
      "regional CIRT networks.",
    proposedText:
      "ITU should promote more open and inclusive collaboration as well as coordination among national, " +
      "regional and international organizations, including regional CIRT networks.",
  },
  {
    organization: "Delegation of Member State E",
    paragraph: "5-14-f",
    type: "editorial",
    text: "“woman” should read “women”.",
    proposedText:
      "Continue to maintain special focus on the needs of the more vulnerable groups—such as women, " +
      "children, persons with disabilities and persons with specific needs, and older persons – in capacity " +
      "building efforts.",
  },
  {
    organization: "Example Telecom (Sector Member)",
    paragraph: "4-8-d",
    type: "general",
    text:
      "We agree that the Global Cybersecurity Index is a useful tool, but its methodology should be reviewed " +
      "with industry before the next edition.",
  },
  {
    organization: "University of Example",
    paragraph: "6-5",
    type: "general",
    text:
      "The paragraph could acknowledge the work of the Open-ended Working Group and the Group of Governmental " +
      "Experts as the main UN processes.",
  },
  {
    organization: "Delegation of Member State A",
    paragraph: "1-25",
    type: "editorial",
    text: "Circular Letter CL-20/18 should be cited in full at its first mention.",
  },
  {
    organization: "Digital Rights Coalition",
    paragraph: "2-9-e",
    type: "general",
    text:
      "Modelling national frameworks on a regional convention is not appropriate for all Member States; the " +
      "guideline should refer to UN processes only.",
  },
  // The campaign: the same letter, lightly edited, from six organizations.
  { organization: "Open Internet Civil Society Network", paragraph: "2-9-d", type: "general", text: CAMPAIGN },
  { organization: "Digital Rights Coalition", paragraph: "2-9-d", type: "general", text: CAMPAIGN },
  {
    organization: "University of Example",
    paragraph: "2-9-d",
    type: "general",
    text: CAMPAIGN.replace("We ask that", "We kindly ask that"),
  },
  {
    organization: "Delegation of Member State D",
    paragraph: "2-9-d",
    type: "general",
    text: CAMPAIGN.replace("civil society is consulted", "civil society and the technical community are consulted"),
  },
  { organization: "Delegation of Member State E", paragraph: "2-9-d", type: "general", text: CAMPAIGN.toUpperCase() },
  {
    organization: "Regional Cybersecurity Organization",
    paragraph: "2-9-d",
    type: "general",
    text: `${CAMPAIGN.replace("including the rights", "notably the rights")}`,
  },
];

function render(text: string) {
  const parsed = parseRichText(plainTextToRichText(text));
  if (!parsed.ok) throw new Error(`Demo comment: ${parsed.error.key}`);
  return {
    body: JSON.stringify(parsed.doc),
    bodyHtml: renderRichText(parsed.doc),
    bodyText: richTextToPlainText(parsed.doc),
  };
}

/**
 * Adds the demo comments to a version (in the seed: the GCA draft, version
 * 1), submitted during its comment period, before `now`. Returns how many
 * were added (0 when they are already there).
 */
export async function seedDemoComments({
  slug,
  versionNumber,
  now = new Date(),
}: {
  slug: string;
  versionNumber: number;
  now?: Date;
}) {
  const version = await prisma.version.findFirstOrThrow({
    where: { number: versionNumber, consultation: { slug } },
    select: {
      id: true,
      consultationId: true,
      commentsOpenAt: true,
      paragraphs: { select: { id: true, key: true, text: true } },
    },
  });
  const keyOf = (index: number) => `demo-comment:${slug}:${versionNumber}:${index}`;
  if (await prisma.comment.findUnique({ where: { idempotencyKey: keyOf(0) }, select: { id: true } })) return 0;

  const organizations = new Map<string, string>();
  for (const organization of DEMO_COMMENT_ORGANIZATIONS) {
    organizations.set(organization.name, (await upsertOrganization(organization)).id);
  }
  const paragraphs = new Map(version.paragraphs.map((paragraph) => [paragraph.key, paragraph]));
  const [focalPoint, secretariat] = await Promise.all([
    prisma.user.findUnique({ where: { email: "focal.point@demo.test" }, select: { id: true, organizationId: true } }),
    prisma.user.findUnique({ where: { email: "secretariat@demo.test" }, select: { id: true } }),
  ]);

  // Spread over the time the period has been open (at most the last two days).
  const opened =
    version.commentsOpenAt && version.commentsOpenAt < now
      ? version.commentsOpenAt.getTime()
      : now.getTime() - 2 * 86_400_000;
  const span = Math.min(now.getTime() - opened, 2 * 86_400_000) - 60_000;
  const step = span / DEMO_COMMENTS.length;

  for (const [index, demo] of DEMO_COMMENTS.entries()) {
    const paragraph = paragraphs.get(demo.paragraph);
    if (!paragraph) throw new Error(`Demo comment on unknown paragraph ${demo.paragraph}`);
    const organizationId = organizations.get(demo.organization);
    if (!organizationId) throw new Error(`Demo comment from unknown organization ${demo.organization}`);
    const body = render(demo.text);
    const submittedAt = new Date(now.getTime() - span + Math.round(index * step));
    // The demo focal point speaks for Member State A; other delegations have no demo account.
    const author = focalPoint && focalPoint.organizationId === organizationId ? focalPoint.id : null;
    let quote = {};
    if (demo.quote) {
      const start = paragraph.text.indexOf(demo.quote);
      if (start < 0) throw new Error(`Demo quote not in paragraph ${demo.paragraph}`);
      const end = start + demo.quote.length;
      quote = {
        quote: demo.quote,
        quoteStart: start,
        quoteEnd: end,
        quotePrefix: paragraph.text.slice(Math.max(0, start - 40), start),
        quoteSuffix: paragraph.text.slice(end, end + 40),
      };
    }
    await prisma.comment.create({
      data: {
        consultationId: version.consultationId,
        versionId: version.id,
        paragraphId: paragraph.id,
        organizationId,
        authorId: author,
        type: demo.type,
        status: "submitted",
        ...body,
        proposedText: demo.proposedText ?? null,
        ...quote,
        origin: "platform",
        idempotencyKey: keyOf(index),
        submittedAt,
        submittedById: author,
        createdAt: submittedAt,
        revisions: {
          create: {
            revision: 1,
            event: "submitted",
            type: demo.type,
            body: body.body,
            bodyHtml: body.bodyHtml,
            proposedText: demo.proposedText ?? null,
            status: "submitted",
            editedById: author,
            createdAt: submittedAt,
          },
        },
        disposition: demo.disposition
          ? {
              create: {
                ...demo.disposition,
                decidedById: secretariat?.id ?? null,
                decidedAt: new Date(submittedAt.getTime() + 30_000),
              },
            }
          : undefined,
      },
      select: { id: true },
    });
  }
  return DEMO_COMMENTS.length;
}
