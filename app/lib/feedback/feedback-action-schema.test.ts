import { describe, expect, it } from "vitest";

import {
  FeedbackActionSchema,
  feedbackActionValues,
  feedbackFormTarget,
  parseFeedbackNotice,
} from "./feedback-action-schema";

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

const parse = (fields: Record<string, string | string[]>) =>
  FeedbackActionSchema.safeParse(feedbackActionValues(form(fields)));

describe("the consolidation forms, one schema per intent", () => {
  it("reads a decision on ticked comments, the response trimmed with its line breaks normalized", () => {
    expect(
      parse({ intent: "dispose-selected", commentIds: ["a", "b"], status: "noted", response: " Yes.\r\nNo. " }),
    ).toEqual({
      success: true,
      data: { intent: "dispose-selected", commentIds: ["a", "b"], status: "noted", response: "Yes.\nNo." },
    });
  });

  it("reads the intents without fields", () => {
    for (const intent of ["regroup", "unpublish-comments", "unpublish-dispositions"]) {
      expect(parse({ intent })).toEqual({ success: true, data: { intent } });
    }
  });

  it("publishes only with the confirmation page's field", () => {
    for (const intent of ["publish-comments", "publish-dispositions"]) {
      expect(parse({ intent, confirm: "yes" })).toEqual({ success: true, data: { intent, confirm: "yes" } });
      for (const fields of [{ intent }, { intent, confirm: "no" }] as Array<Record<string, string>>) {
        const result = parse(fields);
        expect(result.success).toBe(false);
        expect(result.error?.flatten().fieldErrors).toEqual({ confirm: ["feedback.publication.confirmRequired"] });
      }
    }
  });

  it("answers with message keys per field", () => {
    const result = parse({ intent: "dispose-selected", status: "maybe" });
    expect(result.success).toBe(false);
    expect(result.error?.flatten().fieldErrors).toEqual({
      commentIds: ["feedback.validation.selectComments"],
      status: ["feedback.validation.statusRequired"],
    });
    expect(parse({ intent: "dispose-group", groupId: "../x", status: "noted" }).error?.flatten().fieldErrors).toEqual({
      groupId: ["feedback.validation.commentInvalid"],
    });
    expect(parse({ intent: "drop-tables" }).error?.flatten().fieldErrors).toEqual({
      intent: ["feedback.validation.summary"],
    });
  });

  it("names the form that sent the request, and reads only known notices", () => {
    expect(feedbackFormTarget(form({ intent: "dispose", target: "c1" }))).toBe("c1");
    expect(feedbackFormTarget(form({ intent: "regroup" }))).toBe("regroup");
    expect(parseFeedbackNotice("published_dispositions")).toBe("published_dispositions");
    expect(parseFeedbackNotice("__proto__")).toBeNull();
  });
});
