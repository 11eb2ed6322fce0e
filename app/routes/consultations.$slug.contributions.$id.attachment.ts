import type { LoaderFunctionArgs } from "@remix-run/node";

import { getContributionAttachment } from "~/models/contribution.server";
import { DomainError } from "~/lib/errors";
import { requireUser } from "~/utils/auth.server";

/** Downloads an attachment; never rendered inline, whatever it claims to be. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  try {
    const file = await getContributionAttachment({ actor: user, slug: params.slug ?? "", id: params.id ?? "" });
    return new Response(file.bytes, {
      headers: {
        "Content-Type": file.type,
        "Content-Disposition": `attachment; filename="${file.name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}
