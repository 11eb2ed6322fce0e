/**
 * The language of an invitation and of an account request's answer: the
 * person inviting chooses it (preselected: the page's language), the email is
 * written in it and the account it opens starts with it; a request is
 * answered in the language it was made in. Driven through the route actions
 * with real Requests; the queued messages are read from the outbox.
 */
import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { formatInstant } from "~/lib/dates";
import ar from "~/locales/ar";
import es from "~/locales/es";
import fr from "~/locales/fr";
import ru from "~/locales/ru";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { acceptInvitation } from "~/models/invitation.server";
import { action as peopleAction } from "~/routes/admin.people";
import { action as organizationAction } from "~/routes/organization";
import { action as requestAccountAction } from "~/routes/request-account";
import { prisma } from "~/utils/db.server";

import { newAccount, sessionCookie } from "./session-fixtures";

import type { AppLoadContext } from "@remix-run/node";

const ORIGIN = "http://localhost";

beforeAll(async () => {
  await ensureReferenceData();
});

let serial = 0;
const unique = () => `${Date.now().toString(36)}-${crypto.randomBytes(3).toString("hex")}-${++serial}`;

function context(): AppLoadContext {
  // One address per call: the invitation rate limits are per address.
  return { cspNonce: "", requestId: "invitation-language", clientAddress: `203.0.113.${++serial % 250}` };
}

async function signedIn(role: "secretariat" | "focal_point") {
  const { user, organization } = await newAccount(role);
  return { organization, cookie: await sessionCookie(user.id) };
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

/** A route's answer, thrown or returned, as status and body. */
async function outcome<T>(run: () => Promise<unknown>): Promise<{ status: number; data: T }> {
  try {
    const answer = (await run()) as { data?: T; init?: { status?: number } };
    return { status: answer.init?.status ?? 200, data: answer.data as T };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, data: undefined as T };
    throw error;
  }
}

async function queuedFor(address: string) {
  return prisma.outboxMessage.findFirstOrThrow({
    where: { toAddress: address },
    select: { subject: true, html: true, text: true },
  });
}

describe("the invitation's language", () => {
  it("is the one chosen: the email is written in it and the new account starts with it", async () => {
    const { cookie } = await signedIn("secretariat");
    const email = `invitee-${unique()}@example.test`;
    const answer = await outcome<{ created: { link: string; expiresAt: string } }>(() =>
      peopleAction({
        request: post(
          "/admin/people",
          { intent: "invite", email, roleName: "observer", organization: "", language: "fr" },
          { Cookie: cookie, "Accept-Language": "en" },
        ),
        params: {},
        context: context(),
      }),
    );
    expect(answer.status).toBe(200);
    const message = await queuedFor(email);
    expect(message.subject).toBe(fr.common.mail.invitation.subject);
    expect(message.html).toMatch(/<html lang="fr"/);
    // The expiry date in French, as the email's reader reads dates.
    expect(message.text).toContain(formatInstant(answer.data.created.expiresAt, "UTC", "fr"));
    expect((await prisma.invitation.findFirstOrThrow({ where: { email } })).locale).toBe("fr");

    const token = new URL(answer.data.created.link).pathname.split("/").pop()!;
    const accepted = await acceptInvitation({ token, name: "Nouvelle", password: "a long enough password" });
    expect(accepted.ok).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).locale).toBe("fr");
  });

  it("is the page's language when the form sends none", async () => {
    const { cookie } = await signedIn("secretariat");
    const email = `invitee-${unique()}@example.test`;
    await peopleAction({
      request: post(
        "/admin/people",
        { intent: "invite", email, roleName: "observer", organization: "" },
        { Cookie: cookie, "Accept-Language": "es-MX,es;q=0.9" },
      ),
      params: {},
      context: context(),
    });
    expect((await queuedFor(email)).subject).toBe(es.common.mail.invitation.subject);
  });

  it("refuses a language that is not one of the six, and invites no one", async () => {
    const { cookie } = await signedIn("secretariat");
    const email = `invitee-${unique()}@example.test`;
    const answer = await outcome<{ fieldErrors: Record<string, string[]> }>(() =>
      peopleAction({
        request: post(
          "/admin/people",
          { intent: "invite", email, roleName: "observer", organization: "", language: "de" },
          { Cookie: cookie },
        ),
        params: {},
        context: context(),
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.fieldErrors.language).toHaveLength(1);
    expect(await prisma.invitation.count({ where: { email } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { toAddress: email } })).toBe(0);
  });

  it("a focal point's invitation into the organization is written in the chosen language too", async () => {
    const { cookie } = await signedIn("focal_point");
    const email = `colleague-${unique()}@example.test`;
    const answer = await outcome(() =>
      organizationAction({
        request: post(
          "/organization",
          { intent: "invite", email, roleName: "delegate", language: "ar" },
          { Cookie: cookie },
        ),
        params: {},
        context: context(),
      }),
    );
    expect(answer.status).toBe(200);
    const message = await queuedFor(email);
    expect(message.subject).toBe(ar.common.mail.invitation.subject);
    expect(message.html).toMatch(/<html lang="ar" dir="rtl"/);
  });
});

describe("an account request's answer", () => {
  async function requestInRussian() {
    const email = `requester-${unique()}@example.test`;
    const answer = await outcome(() =>
      requestAccountAction({
        request: post(
          "/request-account",
          {
            name: "Анна",
            email,
            organizationName: `Министерство ${unique()}`,
            organizationKind: "member_state",
            message: "",
          },
          { "Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5" },
        ),
        params: {},
        context: context(),
      }),
    );
    expect(answer.status).toBe(200);
    const request = await prisma.accountRequest.findFirstOrThrow({ where: { email } });
    expect(request.locale).toBe("ru");
    return { email, request };
  }

  it("is written in the language the request was made in: approval, and the account it opens", async () => {
    const { cookie } = await signedIn("secretariat");
    const { email, request } = await requestInRussian();
    const answer = await outcome<{ created: { link: string } }>(() =>
      peopleAction({
        request: post(
          "/admin/people",
          { intent: "approve", requestId: request.id, roleName: "delegate" },
          { Cookie: cookie, "Accept-Language": "en" },
        ),
        params: {},
        context: context(),
      }),
    );
    expect(answer.status).toBe(200);
    expect((await queuedFor(email)).subject).toBe(ru.common.mail.accountApproved.subject);
    const token = new URL(answer.data.created.link).pathname.split("/").pop()!;
    await acceptInvitation({ token, name: "Анна", password: "a long enough password" });
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).locale).toBe("ru");
  });

  it("is written in the language the request was made in: rejection", async () => {
    const { cookie } = await signedIn("secretariat");
    const { email, request } = await requestInRussian();
    await peopleAction({
      request: post("/admin/people", { intent: "reject", requestId: request.id }, { Cookie: cookie }),
      params: {},
      context: context(),
    });
    const message = await queuedFor(email);
    expect(message.subject).toBe(ru.common.mail.accountRejected.subject);
    expect(message.html).toMatch(/<html lang="ru"/);
  });
});
