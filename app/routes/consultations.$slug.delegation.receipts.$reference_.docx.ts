import { remixI18n } from "~/i18next.server";
import { receiptDocx } from "~/models/receipt-export.server";
import { getReceipt } from "~/models/submission.server";
import { requireUser } from "~/utils/auth.server";
import { orErrorResponse } from "~/utils/http.server";

import type { LoaderFunctionArgs } from "@remix-run/node";

/** The receipt as a file to keep, for the same readers as the receipt page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const receipt = await orErrorResponse(
    getReceipt({
      actor: user,
      slug: params.slug ?? "",
      reference: params.reference ?? "",
      clientAddress: context.clientAddress,
    }),
    headers,
  );
  const [t, language] = await Promise.all([remixI18n.getFixedT(request), remixI18n.getLocale(request)]);
  const translate = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  const body = await receiptDocx(receipt, translate, language);
  headers.set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  headers.set("Content-Disposition", `attachment; filename="${receipt.reference}.docx"`);
  headers.set("Cache-Control", "private, no-store");
  return new Response(new Uint8Array(body), { status: 200, headers });
}
