/**
 * Notification preferences (docs/decisions/0020-notification-preferences-digest-and-unsubscribe.md):
 * per person and per kind, immediate | digest | off, immediate when never
 * chosen; and the one-click unsubscribe links every notification carries,
 * which work without signing in because the signed token in them is the
 * authorization (app/lib/mail/unsubscribe.ts).
 *
 * The token key: UNSUBSCRIBE_SECRET (at least 32 characters) when set;
 * otherwise derived with HKDF from the TOTP encryption key
 * (app/utils/two-factor.server.ts), which `npm start` already creates and
 * several instances already share. A derived key with its own label signs
 * nothing else, and reveals nothing of the key it comes from.
 */
import type { Prisma } from "~/generated/prisma/client";
import {
  DEFAULT_NOTIFICATION_MODE,
  isNotificationMode,
  KINDS_OF_PREFERENCE,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationMode,
} from "~/lib/mail/notification-kinds";
import {
  deriveUnsubscribeKey,
  DIGEST_SCOPE,
  LIST_UNSUBSCRIBE_POST,
  signUnsubscribeToken,
  unsubscribePath,
  verifyUnsubscribeToken,
  type UnsubscribeScope,
} from "~/lib/mail/unsubscribe";
import { absoluteUrl } from "~/utils/app-url.server";
import { prisma } from "~/utils/db.server";
import { encryptionKey } from "~/utils/two-factor.server";

type Db = Prisma.TransactionClient | typeof prisma;

let cachedKey: { source: string; key: Uint8Array } | undefined;

/** The key unsubscribe tokens are signed with (see the module comment). */
export function unsubscribeKey(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const configured = env.UNSUBSCRIBE_SECRET?.trim();
  if (configured && configured.length < 32) throw new Error("UNSUBSCRIBE_SECRET must be at least 32 characters");
  const source = configured ? `env:${configured}` : "totp-key";
  if (cachedKey?.source === source) return cachedKey.key;
  const key = deriveUnsubscribeKey(configured || encryptionKey(env));
  cachedKey = { source, key };
  return key;
}

/** The absolute link that unsubscribes `userId` from `scope`, from APP_URL (never a request's Host). */
export function unsubscribeUrl(userId: string, scope: UnsubscribeScope): string {
  return absoluteUrl(unsubscribePath(signUnsubscribeToken(unsubscribeKey(), { userId, scope })));
}

/** The RFC 8058 headers for a message carrying the unsubscribe link `url`. */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": LIST_UNSUBSCRIBE_POST };
}

/** The path of the preferences page, for links in messages and pages. */
export const NOTIFICATION_SETTINGS_PATH = "/account/notifications";

/** Every kind's mode for `userId`: what they chose, else the default. */
export async function notificationModes({
  userId,
  db = prisma,
}: {
  userId: string;
  db?: Db;
}): Promise<Record<NotificationKind, NotificationMode>> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, mode: true } });
  const modes = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, DEFAULT_NOTIFICATION_MODE])) as Record<
    NotificationKind,
    NotificationMode
  >;
  for (const row of rows) {
    if ((NOTIFICATION_KINDS as readonly string[]).includes(row.kind) && isNotificationMode(row.mode)) {
      modes[row.kind as NotificationKind] = row.mode;
    }
  }
  return modes;
}

/** The mode of one kind for `userId`. */
export async function notificationModeFor(db: Db, userId: string, kind: NotificationKind): Promise<NotificationMode> {
  const row = await db.notificationPreference.findUnique({
    where: { userId_kind: { userId, kind } },
    select: { mode: true },
  });
  return row && isNotificationMode(row.mode) ? row.mode : DEFAULT_NOTIFICATION_MODE;
}

/**
 * Turning a kind off also stops what is already waiting for it: the items
 * held for the next digest, and the messages queued but not yet sent (a
 * reminder queued days ahead of its date). Someone who unsubscribes expects
 * no more of these emails, not one more next week.
 */
async function stopWaiting(tx: Prisma.TransactionClient, userId: string, kinds: readonly NotificationKind[]) {
  if (kinds.length === 0) return;
  await tx.digestItem.deleteMany({ where: { userId, kind: { in: [...kinds] }, digestKey: null } });
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return;
  const messageKinds = kinds.flatMap((kind) => KINDS_OF_PREFERENCE[kind]);
  await tx.outboxMessage.deleteMany({
    where: { toAddress: user.email, kind: { in: messageKinds }, status: "pending" },
  });
}

async function writeModes(
  tx: Prisma.TransactionClient,
  userId: string,
  modes: Partial<Record<NotificationKind, NotificationMode>>,
) {
  for (const [kind, mode] of Object.entries(modes) as [NotificationKind, NotificationMode][]) {
    await tx.notificationPreference.upsert({
      where: { userId_kind: { userId, kind } },
      create: { userId, kind, mode },
      update: { mode },
      select: { id: true },
    });
  }
  const off = (Object.entries(modes) as [NotificationKind, NotificationMode][])
    .filter(([, mode]) => mode === "off")
    .map(([kind]) => kind);
  await stopWaiting(tx, userId, off);
}

/** Saves the modes the preferences form chose (parseNotificationModes); kinds left out keep theirs. */
export async function saveNotificationModes({
  userId,
  modes,
}: {
  userId: string;
  modes: Partial<Record<NotificationKind, NotificationMode>>;
}) {
  await prisma.$transaction((tx) => writeModes(tx, userId, modes));
}

export interface UnsubscribeLink {
  userId: string;
  scope: UnsubscribeScope;
  /** The kinds the link would turn off now (for the digest: those received by digest). */
  kinds: NotificationKind[];
}

/** What a token's link stands for, or null when the token is forged or its person is gone. */
export async function findUnsubscribeLink({ token }: { token: string }): Promise<UnsubscribeLink | null> {
  const claim = verifyUnsubscribeToken(unsubscribeKey(), token);
  if (!claim) return null;
  const user = await prisma.user.findUnique({ where: { id: claim.userId }, select: { id: true } });
  if (!user) return null;
  const modes = await notificationModes({ userId: claim.userId });
  const kinds =
    claim.scope === DIGEST_SCOPE
      ? NOTIFICATION_KINDS.filter((kind) => modes[kind] === "digest")
      : modes[claim.scope] === "off"
        ? []
        : [claim.scope];
  return { userId: claim.userId, scope: claim.scope, kinds };
}

/**
 * Unsubscribes as the token says: its kind (or, for the digest's token,
 * every kind received by digest) set to off. Idempotent. Null, with nothing
 * changed, when the token is forged or its person is gone.
 */
export async function unsubscribeWithToken({ token }: { token: string }): Promise<UnsubscribeLink | null> {
  const link = await findUnsubscribeLink({ token });
  if (!link) return null;
  const modes = Object.fromEntries(link.kinds.map((kind) => [kind, "off" as const]));
  await prisma.$transaction((tx) => writeModes(tx, link.userId, modes));
  return link;
}
