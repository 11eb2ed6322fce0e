import { remixI18n } from "~/i18next.server";
import { PDF_LANGUAGES, receiptPdf } from "~/models/receipt-export.server";
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
  // In the reader's language when Helvetica can write it, else English (docs/decisions/0026-receipt-pdf-language.md).
  const requested = await remixI18n.getLocale(request);
  const language = PDF_LANGUAGES.includes(requested) ? requested : "en";
  const t = await remixI18n.getFixedT(language);
  const translate = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  const body = await receiptPdf(receipt, translate, language);
  headers.set("Content-Type", "application/pdf");
  headers.set("Content-Disposition", `attachment; filename="${receipt.reference}.pdf"`);
  headers.set("Cache-Control", "private, no-store");
  return new Response(new Uint8Array(body), { status: 200, headers });
}
