import { describe, expect, it } from "vitest";

import { checkRequestOrigin } from "./origin";

const selfOrigin = "http://localhost:3000";

describe("checkRequestOrigin (threats: POST with a foreign or missing Origin → 403)", () => {
  it("lets safe methods through without an Origin", () => {
    expect(checkRequestOrigin({ method: "GET", origin: undefined, selfOrigin })).toEqual({ ok: true });
    expect(checkRequestOrigin({ method: "head", origin: "https://evil.example", selfOrigin })).toEqual({ ok: true });
  });
  it("accepts a POST from the app's own origin, case-insensitively", () => {
    expect(checkRequestOrigin({ method: "POST", origin: "http://LOCALHOST:3000", selfOrigin })).toEqual({ ok: true });
  });
  it("refuses a POST without Origin, or with the opaque 'null' origin", () => {
    expect(checkRequestOrigin({ method: "POST", origin: undefined, selfOrigin })).toEqual({
      ok: false,
      reason: "missing-origin",
    });
    expect(checkRequestOrigin({ method: "POST", origin: "null", selfOrigin })).toEqual({
      ok: false,
      reason: "missing-origin",
    });
  });
  it("refuses foreign origins, including look-alikes and other ports", () => {
    for (const origin of ["https://evil.example", "http://localhost:3001", "http://localhost:3000.evil.example"]) {
      expect(checkRequestOrigin({ method: "DELETE", origin, selfOrigin })).toEqual({
        ok: false,
        reason: "foreign-origin",
      });
    }
  });
  it("accepts explicitly allowed origins (APP_ORIGINS)", () => {
    expect(
      checkRequestOrigin({
        method: "PUT",
        origin: "https://consult.example.org",
        selfOrigin,
        allowedOrigins: ["https://consult.example.org"],
      }),
    ).toEqual({ ok: true });
  });
});
