import { Cookie } from "lucia";
import { describe, expect, it } from "vitest";

import { sessionCookieName, shouldUseSecureCookies } from "~/utils/session.server";

describe("session cookie name", () => {
  it("is __Host-session under HTTPS in production, with Secure, Path=/ and no Domain", () => {
    const env = { NODE_ENV: "production", HTTPS: "true" } as NodeJS.ProcessEnv;
    const name = sessionCookieName(env);
    expect(name).toBe("__Host-session");
    const header = new Cookie(name, "x", {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: shouldUseSecureCookies(env),
    }).serialize();
    expect(header).toMatch(/^__Host-session=x;/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/Domain=/i);
  });

  it("keeps a plain name over http, where the browser would refuse a __Host- cookie", () => {
    expect(sessionCookieName({ NODE_ENV: "production" })).toBe("consult_session");
    expect(sessionCookieName({ NODE_ENV: "test", HTTPS: "true" })).toBe("consult_session");
  });
});
