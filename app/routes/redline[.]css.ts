import { REDLINE_STYLES } from "~/lib/compare/redline-styles";

/** The printable redline's stylesheet (the page may not carry inline styles: Content-Security-Policy). */
export function loader() {
  return new Response(REDLINE_STYLES, {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
