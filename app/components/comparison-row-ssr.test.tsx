/**
 * Server rendering of a comparison row (app/components/comparison-row.tsx)
 * with the English strings: a moved sentence is marked on its row with a
 * link to the other end, and a low-confidence pairing reads "possibly
 * related".
 */
import { createInstance } from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";

import { ComparisonRow, type ComparisonContext, type RowData } from "~/components/comparison-row";
import { i18nConfig, resources } from "~/i18n";

const i18n = createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ ...i18nConfig, resources, lng: "en" });
});

const context: ComparisonContext = {
  slug: "gca",
  from: { number: 1, label: "Draft 1" },
  to: { number: 2, label: "Final" },
  linkBase: "",
};

const SENTENCE = "The United Nations has a unique role on global cybersecurity matters.";
const row: RowData = {
  anchor: "ch-6-a",
  kind: "modified",
  moved: false,
  renumbered: true,
  possiblyRelated: true,
  movedSentences: [{ side: "old", start: 0, end: SENTENCE.length, anchor: "ch-6", number: "6.", page: null }],
  old: [{ key: "6-17-a", number: "6.17 a." }],
  new: [{ key: "6-a", number: "6. a." }],
  changes: [
    { type: "delete", text: `${SENTENCE} ITU, considering` },
    { type: "insert", text: "Considering" },
    { type: "equal", text: " its position, should lead." },
  ],
  commentsAnchor: null,
  extraCommentAnchors: [],
  comments: [],
  commentCount: 0,
};

const render = (data: RowData, extra: Partial<ComparisonContext> = {}) =>
  renderToString(
    <I18nextProvider i18n={i18n}>
      <ComparisonRow row={data} context={{ ...context, ...extra }} layout="inline" />
    </I18nextProvider>,
  ).replaceAll("<!-- -->", "");

describe("ComparisonRow", () => {
  it("marks the moved sentence apart from the rest of the deletion, with a link to where it went", () => {
    const html = render(row);
    expect(html).toContain(
      `<del class="moved-sentence"><span class="visually-hidden">deleted: </span>${SENTENCE}</del>`,
    );
    expect(html).toContain('<del><span class="visually-hidden">deleted: </span> ITU, considering</del>');
    expect(html).toMatch(
      /<span class="badge badge-change badge-moved-sentence">moved sentence<\/span> <a href="#ch-6">moved to 6.<span class="visually-hidden"> in Final<\/span><\/a>/,
    );
  });

  it("links to the other page of a paged comparison when the other end is there", () => {
    const paged = render(
      { ...row, movedSentences: [{ ...row.movedSentences![0], page: 3 }] },
      { paging: { current: 1, href: (page) => `/c?page=${page}` } },
    );
    expect(paged).toContain('href="/c?page=3#ch-6"');
  });

  it("shows a low-confidence pairing as possibly related, with a note in words", () => {
    const html = render(row);
    expect(html).toContain('<span class="badge badge-change badge-possiblyRelated">Possibly related</span>');
    expect(html).toContain("this pairing may be wrong");
    expect(render({ ...row, possiblyRelated: false })).not.toContain("Possibly related");
  });
});
