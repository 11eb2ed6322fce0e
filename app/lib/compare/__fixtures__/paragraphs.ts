/**
 * Test helpers for the alignment tests (align.test.ts, moves.test.ts):
 * distinct paragraphs in the register of the GCA guidelines, and small
 * documents made of them.
 */
import type { AlignInput } from "../align";

/** Distinct paragraphs: no two share enough wording to pair by similarity. */
export const TEXT = {
  intro:
    "The ITU 2018 Plenipotentiary Conference in Dubai adopted Resolution 130 on strengthening the role of ITU in " +
    "building confidence and security in the use of ICTs.",
  cirt:
    "ITU should continue to assist developing countries in the design and implementation of national computer " +
    "incident response teams.",
  gci:
    "ITU should increase its efforts to measure institutional commitments of Member States, leveraging tools such " +
    "as the Global Cybersecurity Index.",
  drills:
    "ITU should continue to foster greater collaboration among cybersecurity organizational structures regionally " +
    "and globally through activities such as cyber drills.",
  youth:
    "Develop a guide on the implementation of cybersecurity education programmes for youth in primary, secondary, " +
    "university and adult professional education systems.",
  un:
    "The United Nations has a unique role in fostering cooperation, dialogue and coordination among all nations " +
    "on global cybersecurity matters.",
};

/** Paragraphs numbered 1, 2, 3… (or `numbers`) with keys unrelated to the other version's keys. */
export function doc(prefix: string, texts: string[], numbers?: string[]): AlignInput[] {
  return texts.map((text, index) => ({
    key: `${prefix}${index}`,
    number: numbers?.[index] ?? String(index + 1),
    text,
  }));
}
