import type { Language } from "~/lib/language";
import { prisma } from "~/utils/db.server";

/**
 * Remembers the interface language a person chose in their account
 * (User.locale): it then follows them to every browser they sign in on, and
 * their e-mail is written in it. Only the person themself sets it (the
 * /language route, for the signed-in user), so no permission beyond being
 * signed in is involved.
 */
export async function setUserLocale({ userId, locale }: { userId: string; locale: Language }) {
  await prisma.user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
}

/** The language a person's mail is written in: their choice, else English. */
export async function userLocale(userId: string): Promise<string | null> {
  const row = await prisma.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return row?.locale ?? null;
}
