import { getContributionAttachment } from "~/models/contribution.server";
import { requireUser } from "~/utils/auth.server";
import { orErrorResponse } from "~/utils/http.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

/** Downloads an attachment; never rendered inline, whatever it claims to be. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const file = await orErrorResponse(
    getContributionAttachment({
      actor: user,
      slug: params.slug ?? "",
      id: params.id ?? "",
      clientAddress: context.clientAddress,
    }),
    headers,
  );
  // The quoted form for old clients: printable ASCII only, and no quote or backslash to end it early.
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  headers.set("Content-Type", file.type);
  headers.set(
    "Content-Disposition",
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Cache-Control", "private, no-store");
  return new Response(file.bytes, { headers });
}
