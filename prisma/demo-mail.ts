/**
 * The demo's outgoing mail: two invitations from the secretariat and one
 * submission receipt, made the way the platform makes them (createInvitation,
 * submitDrafts), so each queues its email in its own transaction through
 * the outbox. With no SMTP_URL the worker writes them as .eml files under
 * data/mail/, and `npm start` shows them on the Outgoing mail page
 * (/admin/mail). Called by the seed once, with the rest of the demo: a
 * second start adds nothing (the seed stops when the demo is there).
 */
import { CommentFormSchema } from "~/models/comment-schema";
import { createComment } from "~/models/comment.server";
import { createInvitation } from "~/models/invitation.server";
import { submitDrafts } from "~/models/submission.server";
import { prisma } from "~/utils/db.server";
import { sessionUserSelect, toSessionUser } from "~/utils/session-user.server";

export const DEMO_INVITATIONS = [
  { email: "new.delegate@demo.test", roleName: "delegate" as const, organization: "Delegation of Member State A" },
  { email: "new.observer@demo.test", roleName: "observer" as const, organization: null },
];

async function actor(email: string) {
  return toSessionUser(await prisma.user.findUniqueOrThrow({ where: { email }, select: sessionUserSelect }));
}

export async function seedDemoMail({ slug, now = new Date() }: { slug: string; now?: Date }) {
  if (await prisma.invitation.findFirst({ where: { email: DEMO_INVITATIONS[0].email }, select: { id: true } })) return;
  const secretariat = await actor("secretariat@demo.test");
  for (const invitation of DEMO_INVITATIONS) {
    const organization = invitation.organization
      ? await prisma.organization.findFirstOrThrow({ where: { name: invitation.organization }, select: { id: true } })
      : null;
    await createInvitation({
      actor: secretariat,
      email: invitation.email,
      roleName: invitation.roleName,
      organization,
      now,
    });
  }
  // The delegate drafts, the focal point submits: the receipt goes to both.
  const delegate = await actor("delegate@demo.test");
  const draft = await createComment({
    actor: delegate,
    slug,
    versionNumber: 1,
    input: CommentFormSchema.parse({
      paragraphKey: "2-9-a",
      type: "general",
      bodyText: "Please name the regional cybersecurity centres this paragraph refers to.",
      idempotencyKey: "demo-mail-receipt-draft",
    }),
  });
  await submitDrafts({ actor: await actor("focal.point@demo.test"), slug, commentIds: [draft.id], now });
}
