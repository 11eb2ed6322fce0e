import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DEFAULT_REDIRECT, signOut } from "~/utils/auth.server";

/** Signing out changes state, so only POST does it; a GET (a link, a prefetch, an <img>) just goes home. */
export function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const headers = await signOut(request, { clientAddress: context.clientAddress });
  return redirect(DEFAULT_REDIRECT, { headers });
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
