import { describe, expect, it } from "vitest";

import { composeDigest, digestCutoff, digestDay, digestHourUtc } from "~/lib/mail/digest";

describe("digest schedule", () => {
  it("reads DIGEST_HOUR_UTC strictly", () => {
    expect(digestHourUtc(undefined)).toBe(6);
    expect(digestHourUtc("")).toBe(6);
    expect(digestHourUtc("0")).toBe(0);
    expect(digestHourUtc("23")).toBe(23);
    for (const bad of ["24", "-1", "6.5", "six", "7am"])
      expect(() => digestHourUtc(bad), bad).toThrow(/DIGEST_HOUR_UTC/);
  });

  it("cuts off at today's hour once it has passed, else at yesterday's", () => {
    expect(digestCutoff(new Date("2026-12-03T06:00:00.000Z"), 6).toISOString()).toBe("2026-12-03T06:00:00.000Z");
    expect(digestCutoff(new Date("2026-12-03T23:59:59.000Z"), 6).toISOString()).toBe("2026-12-03T06:00:00.000Z");
    expect(digestCutoff(new Date("2026-12-03T05:59:59.999Z"), 6).toISOString()).toBe("2026-12-02T06:00:00.000Z");
    expect(digestCutoff(new Date("2027-01-01T00:30:00.000Z"), 0).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(digestDay(new Date("2026-12-02T06:00:00.000Z"))).toBe("2026-12-02");
  });
});

describe("composeDigest", () => {
  const content = {
    lang: "en",
    subject: "Your daily digest: 2 notifications",
    greeting: "Dear Ana,",
    intro: "Here are the 2 notifications.",
    entries: [
      {
        subject: "Version 2 of <Guidelines> published",
        paragraphs: ["Draft 2 is out.", ""],
        action: { label: "Read version 2", url: "https://consult.example.org/consultations/g/versions/2" },
      },
      { subject: "Comment period extended", paragraphs: ["Until 10 December."] },
    ],
    footer: ["To stop the daily digest, unsubscribe: https://consult.example.org/unsubscribe/t"],
  };

  it("lists every entry with its link in both parts, escaped in HTML", () => {
    const mail = composeDigest(content);
    expect(mail.subject).toBe("Your daily digest: 2 notifications");
    expect(mail.text).toBe(
      [
        "Dear Ana,",
        "Here are the 2 notifications.",
        "1. Version 2 of <Guidelines> published\n\nDraft 2 is out.\n\n" +
          "Read version 2\nhttps://consult.example.org/consultations/g/versions/2",
        "2. Comment period extended\n\nUntil 10 December.",
        "--\nTo stop the daily digest, unsubscribe: https://consult.example.org/unsubscribe/t",
      ].join("\n\n") + "\n",
    );
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.html).toContain(">Version 2 of &lt;Guidelines&gt; published</h2>");
    expect(mail.html).toContain('<a href="https://consult.example.org/consultations/g/versions/2"');
    expect(mail.html).toContain("To stop the daily digest, unsubscribe: https://consult.example.org/unsubscribe/t");
    expect(mail.html).not.toContain("<Guidelines>");
  });

  it("refuses a link that is not absolute http(s)", () => {
    const entries = [{ subject: "x", paragraphs: [], action: { label: "go", url: "javascript:alert(1)" } }];
    expect(() => composeDigest({ ...content, entries })).toThrow(/refused/);
  });
});
