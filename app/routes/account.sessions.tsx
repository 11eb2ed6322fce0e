import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/field";
import { remixI18n } from "~/i18next.server";
import { formatInstant } from "~/lib/dates";
import { listOwnSessions, revokeOtherSessions, revokeOwnSession } from "~/models/account.server";
import { requireUser } from "~/utils/auth.server";
import { formFailure, readFormData } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, session, headers } = await requireUser(request);
  const t = await remixI18n.getFixedT(request);
  const sessions = await listOwnSessions({ userId: user.id, currentSessionId: session.id });
  return data({ metaTitle: t("account.sessions.title"), sessions }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, session, headers } = await requireUser(request);
  const form = await readFormData(request);
  const intent = form.get("intent");
  if (intent === "revoke-others") {
    const count = await revokeOtherSessions({
      userId: user.id,
      currentSessionId: session.id,
      clientAddress: context.clientAddress,
    });
    return data({ done: "account.sessions.revokedOthers" as const, count }, { headers });
  }
  const handle = form.get("session");
  if (intent !== "revoke" || typeof handle !== "string" || handle.length > 64) {
    return formFailure(400, { key: "account.sessions.notFound" }, {}, headers);
  }
  await revokeOwnSession({ userId: user.id, handle, clientAddress: context.clientAddress });
  return data({ done: "account.sessions.revoked" as const, count: 1 }, { headers });
}

export default function SessionsPage() {
  const { sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const when = (instant: string) => formatInstant(instant, "UTC", i18n.language);
  const others = sessions.filter((row) => !row.current);
  return (
    <div className="page">
      <h1>{t("account.sessions.title")}</h1>
      <p className="lead">{t("account.sessions.intro")}</p>
      {actionData && "done" in actionData ? (
        <p role="status" className="notice">
          {t(actionData.done, { count: actionData.count })}
        </p>
      ) : null}
      <FormError message={actionData && "formError" in actionData ? actionData.formError : undefined} />
      <div className="table-scroll">
        <table>
          <caption>{t("account.sessions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("account.sessions.session")}</th>
              <th scope="col">{t("account.sessions.started")}</th>
              <th scope="col">{t("account.sessions.lastActive")}</th>
              <th scope="col">{t("account.sessions.expires")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("account.sessions.revoke")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((row) => (
              <tr key={row.handle}>
                <th scope="row">
                  {row.current ? t("account.sessions.current") : <code>{row.handle.slice(0, 8)}</code>}
                </th>
                <td>{when(row.createdAt)}</td>
                <td>{when(row.lastActiveAt)}</td>
                <td>{when(row.expiresAt)}</td>
                <td>
                  {row.current ? null : (
                    <Form method="post">
                      <input type="hidden" name="session" value={row.handle} />
                      <button type="submit" name="intent" value="revoke" className="button button-secondary">
                        {t("account.sessions.revoke")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others.length > 0 ? (
        <Form method="post">
          <button type="submit" name="intent" value="revoke-others" className="button">
            {t("account.sessions.revokeEverywhereElse")}
          </button>
        </Form>
      ) : (
        <p>{t("account.sessions.none")}</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
