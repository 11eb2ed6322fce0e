import { describe, expect, it } from "vitest";

import {
  detectLanguage,
  languageFromAcceptLanguage,
  languageFromCookie,
  languageReturnPath,
  serializeLanguageCookie,
} from "./language";

describe("the request's language", () => {
  it("is the account's choice first, then the cookie, then Accept-Language, then English", () => {
    const all = { account: "ru", cookie: "a=1; lng=fr", acceptLanguage: "zh-CN,zh;q=0.9" };
    expect(detectLanguage(all)).toBe("ru");
    expect(detectLanguage({ ...all, account: null })).toBe("fr");
    expect(detectLanguage({ ...all, account: null, cookie: "a=1" })).toBe("zh");
    expect(detectLanguage({})).toBe("en");
    expect(detectLanguage({ acceptLanguage: "de-DE,de;q=0.9,ja;q=0.5" })).toBe("en");
  });

  it("ignores values that are not one of the six languages", () => {
    expect(detectLanguage({ account: "de", cookie: "lng=xx", acceptLanguage: "es-419" })).toBe("es");
    expect(languageFromCookie("lng=../../etc; other=ar")).toBeNull();
    expect(languageFromCookie("xlng=fr")).toBeNull();
    expect(languageFromCookie("lng=ar")).toBe("ar");
  });

  it("reads Accept-Language by q-value, regions and scripts included", () => {
    expect(languageFromAcceptLanguage("en;q=0.5, ar-EG;q=0.8")).toBe("ar");
    expect(languageFromAcceptLanguage("zh-Hans-CN")).toBe("zh");
    expect(languageFromAcceptLanguage("fr;q=0, es;q=0.1")).toBe("es");
    expect(languageFromAcceptLanguage("ru, fr")).toBe("ru");
    expect(languageFromAcceptLanguage("*")).toBeNull();
    expect(languageFromAcceptLanguage("fr;q=abc")).toBeNull();
  });
});

describe("the language switch's return address", () => {
  it("keeps the page, its query and its paragraph anchor", () => {
    expect(languageReturnPath("/consultations/gca/versions/1?p=2-9-a#p-2-9-a")).toBe(
      "/consultations/gca/versions/1?p=2-9-a#p-2-9-a",
    );
    expect(languageReturnPath("/login?redirectTo=%2Fconsultations")).toBe("/login?redirectTo=%2Fconsultations");
    expect(languageReturnPath(null)).toBe("/");
  });

  it("refuses addresses off this site", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "/.//evil.example", "/a\nb"]) {
      expect(languageReturnPath(bad)).toBeNull();
    }
  });
});

describe("the language cookie", () => {
  it("lasts a year on the whole site, Secure under HTTPS", () => {
    expect(serializeLanguageCookie("fr", { secure: false })).toBe(
      "lng=fr; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
    );
    expect(serializeLanguageCookie("ar", { secure: true })).toMatch(/; Secure$/);
  });
});
