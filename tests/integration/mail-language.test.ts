/**
 * Mail in the recipient's language: each participant's notice is written in
 * their User.locale (else English), with lang and dir on the HTML part.
 * Asserts the document's attributes and strings of the language switch's own
 * area (app/locales/<lng>/language.ts), not translated notice text, which
 * lands separately.
 */
import { describe, expect, it } from "vitest";

import { mailLanguage, mailT } from "~/models/mail-language.server";
import { uploadVersion } from "~/models/version.server";
import { prisma } from "~/utils/db.server";

import { DAY_MS, importedDocument, noticeFixture } from "./notices-fixtures";

describe("mail in the recipient's language", () => {
  it("writes each participant's notice in their own language, English when they chose none", async () => {
    const now = Date.now();
    const fixture = await noticeFixture({ opensAt: new Date(now - DAY_MS), closesAt: new Date(now + 10 * DAY_MS) });
    await prisma.user.update({ where: { id: fixture.a.focal.id }, data: { locale: "fr" } });
    await prisma.user.update({ where: { id: fixture.b.focal.id }, data: { locale: "ar" } });
    // A value that is not one of the six (written by hand in the database) is English.
    await prisma.user.update({ where: { id: fixture.c.focal.id }, data: { locale: "xx" } });
    await uploadVersion({
      actor: fixture.secretariatActor,
      slug: fixture.slug,
      label: "Draft 2",
      status: "closed",
      imported: importedDocument("Document"),
      sourceFileName: "draft-2.docx",
      now: new Date(),
    });
    const html = async (email: string) =>
      (
        await prisma.outboxMessage.findFirstOrThrow({
          where: { toAddress: email, kind: "version_published" },
          select: { html: true },
        })
      ).html;
    expect(await html(fixture.a.focal.email)).toMatch(/<html lang="fr" dir="ltr">/);
    expect(await html(fixture.b.focal.email)).toMatch(/<html lang="ar" dir="rtl">/);
    expect(await html(fixture.c.focal.email)).toMatch(/<html lang="en" dir="ltr">/);
    expect(await html(fixture.a.delegate1.email)).toMatch(/<html lang="en" dir="ltr">/);
  });

  it("translates with the recipient's language", async () => {
    expect(mailLanguage("ru")).toBe("ru");
    expect(mailLanguage(null)).toBe("en");
    expect((await mailT("zh"))("language.switchLabel")).toBe("语言");
    expect((await mailT("ar"))("language.switchLabel")).toBe("اللغة");
    expect((await mailT(undefined))("language.switchLabel")).toBe("Language");
  });
});
