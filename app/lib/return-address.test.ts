import { describe, expect, it } from "vitest";

import { paragraphPanelPath, safeReturnPath, signInPath } from "./return-address";

describe("the paragraph's return address", () => {
  it("puts the query before the hash", () => {
    expect(paragraphPanelPath("/consultations/gca/versions/1", "2-9-b")).toBe(
      "/consultations/gca/versions/1?p=2-9-b#p-2-9-b",
    );
    // Whatever the reader's address held after the path is not carried over.
    expect(paragraphPanelPath("/consultations/gca/versions/1?p=1-1#p-1-1", "2-9-b")).toBe(
      "/consultations/gca/versions/1?p=2-9-b#p-2-9-b",
    );
  });

  it("survives the trip through the sign-in page's redirectTo", () => {
    const back = paragraphPanelPath("/consultations/gca/versions/1", "2-9-b");
    const login = new URL(signInPath(back), "http://localhost");
    expect(login.pathname).toBe("/login");
    expect(safeReturnPath(login.searchParams.get("redirectTo"))).toBe(back);
    const url = new URL(safeReturnPath(login.searchParams.get("redirectTo")), "http://localhost");
    expect(url.searchParams.get("p")).toBe("2-9-b");
    expect(url.hash).toBe("#p-2-9-b");
  });
});

describe("safeReturnPath refuses other sites", () => {
  it.each([
    "//evil.example/path",
    "https://evil.example/",
    "https:evil.example",
    "http:/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    // These become "//evil.example" once the dot segments are resolved.
    "/.//evil.example",
    "/a/..//evil.example",
    "/a/../..//evil.example/x",
    "/%2e%2e//evil.example",
    "/login",
    "/logout",
    "/login?redirectTo=/x",
  ])("%j → the default", (to) => {
    expect(safeReturnPath(to)).toBe("/consultations");
  });

  it("refuses what is not a string", () => {
    expect(safeReturnPath(undefined)).toBe("/consultations");
    expect(safeReturnPath(null, "")).toBe("");
    expect(safeReturnPath(["/x"])).toBe("/consultations");
  });

  it.each([
    ["/consultations/gca/versions/1?p=2-9-b#p-2-9-b", "/consultations/gca/versions/1?p=2-9-b#p-2-9-b"],
    ["/admin/people", "/admin/people"],
    ["/consultations/../admin", "/admin"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps the same-site path %j", (to, expected) => {
    expect(safeReturnPath(to)).toBe(expected);
  });
});
