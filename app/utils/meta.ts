import type { MetaDescriptor } from "@remix-run/node";

/**
 * Page titles come from loaders, already translated (`metaTitle`, from
 * `remixI18n.getFixedT`): a meta function has no `t` of its own.
 */
export interface TitleData {
  metaTitle: string;
}

function titleOf(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null || !("metaTitle" in data)) return undefined;
  return typeof data.metaTitle === "string" ? data.metaTitle : undefined;
}

/**
 * The page's `<title>`: its loader's `metaTitle`, else the site's name from
 * the root loader (a page whose loader failed shows its error boundary).
 *
 * `export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];`
 */
export function pageTitle({
  data,
  matches,
}: {
  data: unknown;
  matches: ReadonlyArray<{ id: string; data: unknown } | undefined>;
}): MetaDescriptor {
  return { title: titleOf(data) ?? titleOf(matches.find((match) => match?.id === "root")?.data) ?? "" };
}
