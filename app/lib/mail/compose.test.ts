import { describe, expect, it } from "vitest";

import { composeMail, escapeHtml, safeMailLink, type MailContent } from "./compose";

const base: MailContent = {
  lang: "en",
  subject: "You are invited",
  greeting: "Hello,",
  paragraphs: ["First paragraph.", "Second paragraph."],
  action: {
    label: "Accept the invitation",
    url: "https://consult.example/invitations/abc",
    hint: "Or copy this address:",
  },
  footer: ["You receive this because someone invited you."],
};

describe("composeMail", () => {
  it("carries the same content and the link in both parts, the link on its own line in the text", () => {
    const mail = composeMail(base);
    expect(mail.subject).toBe("You are invited");
    for (const part of [mail.text, mail.html]) {
      for (const expected of ["Hello,", "First paragraph.", "Second paragraph.", "Accept the invitation"]) {
        expect(part).toContain(expected);
      }
      expect(part).toContain("https://consult.example/invitations/abc");
    }
    expect(mail.text.split("\n")).toContain("https://consult.example/invitations/abc");
    expect(mail.html).toContain('href="https://consult.example/invitations/abc"');
    expect(mail.text).toContain("You receive this because someone invited you.");
  });

  it("is a small accessible document: language, direction, charset, title", () => {
    const { html } = composeMail({ ...base, lang: "fr-CA", dir: "rtl" });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="fr-CA" dir="rtl">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<title>You are invited</title>");
    expect(html).not.toMatch(/<style|<script|<link/i);
  });

  it("escapes every interpolated value: <script>, &, quotes, in text, subject, label and attributes", () => {
    const hostile = `<script>alert("x")</script> & 'y'`;
    const { html, text, subject } = composeMail({
      ...base,
      lang: `en"><script>`,
      subject: hostile,
      greeting: hostile,
      paragraphs: [hostile],
      action: { label: hostile, url: 'https://consult.example/a?b=1&c="2"', hint: hostile },
      footer: [hostile],
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain(`"x"`);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
    expect(html).toContain('<html lang="en" dir="ltr">');
    // The URL is normalized (quotes percent-encoded) and its & escaped in the attribute.
    expect(html).toContain('href="https://consult.example/a?b=1&amp;c=%222%22"');
    // The text part is plain text: nothing to escape, the content as written.
    expect(text).toContain(hostile);
    expect(subject).toBe(hostile);
  });

  it("keeps a subject on one line", () => {
    expect(composeMail({ ...base, subject: "A\r\nBcc: someone@evil.example" }).subject).toBe(
      "A Bcc: someone@evil.example",
    );
  });

  it("refuses links that are not absolute http(s) URLs", () => {
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "/invitations/abc",
      "//evil.example/x",
      "mailto:a@b.example",
      "https://user:pass@consult.example/",
    ]) {
      expect(() => composeMail({ ...base, action: { label: "Go", url } }), url).toThrow(/mail link refused/);
    }
  });

  it("has no action block without an action", () => {
    const { html, text } = composeMail({ ...base, action: undefined, footer: undefined });
    expect(html).not.toContain("<a ");
    expect(text).toBe("Hello,\n\nFirst paragraph.\n\nSecond paragraph.\n");
  });
});

describe("escapeHtml and safeMailLink", () => {
  it("escapes the five characters", () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  });

  it("normalizes an http(s) link", () => {
    expect(safeMailLink("HTTPS://Consult.Example/x y")).toBe("https://consult.example/x%20y");
  });
});
