import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { remixI18n, requestLanguage } from "~/i18next.server";
import ar from "~/locales/ar";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { createUser } from "~/models/user.server";
import { prisma } from "~/utils/db.server";

import { action as languageAction } from "../../app/routes/language";
import { startUserSession } from "./session-fixtures";

/** The /language route (the switch of every page) and the detection order with a real account. */
let userId: string;
let sessionCookie: string;

beforeAll(async () => {
  await ensureReferenceData();
  const email = `lang-${crypto.randomUUID()}@example.test`;
  ({ id: userId } = await createUser({
    email,
    name: "Reader",
    password: "long enough pw 1!",
    role: "observer",
    organizationId: null,
  }));
  const headers = await startUserSession({ userId });
  sessionCookie = headers.get("Set-Cookie")!.split(";")[0];
});

function post(fields: Record<string, string>, cookie?: string) {
  return new Request("http://localhost/language", {
    method: "POST",
    headers: {
      Origin: "http://localhost",
      "Content-Type": "application/x-www-form-urlencoded",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

async function answer(request: Request) {
  try {
    return await languageAction({
      request,
      params: {},
      context: { cspNonce: "", requestId: "t", clientAddress: "127.0.0.1" },
    });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const locale = async () =>
  (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } })).locale;

describe("the /language route", () => {
  it("sets the cookie and goes back to the same page and paragraph, for an anonymous reader", async () => {
    const back = "/consultations/gca/versions/1?p=2-9-a#p-2-9-a";
    const response = await answer(post({ lng: "fr", returnTo: back }));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(back);
    expect(response.headers.get("Set-Cookie")).toMatch(/^lng=fr; Path=\/; Max-Age=31536000; SameSite=Lax/);
  });

  it("stores a signed-in person's choice in their account, which then wins over cookie and browser", async () => {
    const response = await answer(post({ lng: "ar", returnTo: "/consultations" }, sessionCookie));
    expect(response.status).toBe(303);
    expect(response.headers.get("Set-Cookie")).toContain("lng=ar");
    expect(await locale()).toBe("ar");

    const page = new Request("http://localhost/consultations", {
      headers: { Cookie: `${sessionCookie}; lng=fr`, "Accept-Language": "ru" },
    });
    expect(await requestLanguage(page)).toBe("ar");
    expect(await remixI18n.getLocale(page)).toBe("ar");
    const t = await remixI18n.getFixedT(page);
    expect(t("language.switchLabel")).toBe("اللغة");
  });

  it("without an account, the cookie wins over Accept-Language, which wins over English", async () => {
    const withCookie = new Request("http://localhost/", { headers: { Cookie: "lng=zh", "Accept-Language": "es" } });
    expect(await remixI18n.getLocale(withCookie)).toBe("zh");
    expect(await remixI18n.getLocale(new Request("http://localhost/", { headers: { "Accept-Language": "es" } }))).toBe(
      "es",
    );
    expect(await remixI18n.getLocale(new Request("http://localhost/"))).toBe("en");
    // A session cookie that is not a session counts for nothing.
    const forged = new Request("http://localhost/", { headers: { Cookie: "consult_session=abc; lng=ru" } });
    expect(await requestLanguage(forged)).toBe("ru");
  });

  it("refuses an unknown language with a 400 and changes nothing", async () => {
    await prisma.user.update({ where: { id: userId }, data: { locale: "ar" } });
    const before = await locale();
    for (const lng of ["de", "", "fr; Path=/evil", "../ar"]) {
      const response = await answer(post({ lng, returnTo: "/consultations" }, sessionCookie));
      expect(response.status).toBe(400);
      expect(response.headers.get("Set-Cookie")).toBeNull();
      // In the account's language.
      expect(await response.text()).toBe(ar.common.language.errors.unknown);
    }
    expect(await locale()).toBe(before);
  });

  it("refuses a return address off this site with a 400 and changes nothing", async () => {
    const before = await locale();
    for (const returnTo of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "/.//evil.example"]) {
      const response = await answer(post({ lng: "es", returnTo }, sessionCookie));
      expect(response.status).toBe(400);
      expect(response.headers.get("Set-Cookie")).toBeNull();
      expect(response.headers.get("Location")).toBeNull();
    }
    expect(await locale()).toBe(before);
  });
});
