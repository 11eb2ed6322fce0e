// The one HTML character reference decoder (Word imports and the comment template's Word tables).
import { describe, expect, it } from "vitest";

import { decodeEntities } from "./entities";

describe("decodeEntities", () => {
  it("decodes named, decimal and hexadecimal references", () => {
    expect(decodeEntities("R&amp;D &lt;b&gt; &quot;x&quot; &apos;y&apos;&nbsp;z")).toBe(`R&D <b> "x" 'y' z`);
    expect(decodeEntities("&#8211; &#xE9; &#XE9; &#x1F600;")).toBe("– é é 😀");
    expect(decodeEntities("&AMP;")).toBe("&");
  });

  it("leaves unknown names and numbers past the last code point as written, instead of throwing", () => {
    expect(decodeEntities("&bogus; &#x110000; &#99999999999;")).toBe("&bogus; &#x110000; &#99999999999;");
  });

  it("decodes once: an escaped reference stays a reference", () => {
    expect(decodeEntities("&amp;amp;")).toBe("&amp;");
  });
});
