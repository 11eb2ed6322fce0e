import { expect, test } from "./fixtures";

/**
 * Response headers every page carries, and the ones only a signed-in
 * person's pages carry (server/index.ts).
 */
test("a signed-in reader's page and its data are never kept by a shared or browser cache", async ({
  page,
  gca,
  people,
  signInAs,
}) => {
  await signInAs(people.delegate);
  const response = await page.goto(gca.path("/versions/1"));
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toBe("private, no-store");
  const data = await page.request.get(gca.path("/versions/1.data"));
  expect(data.status()).toBe(200);
  expect(data.headers()["cache-control"]).toBe("private, no-store");
});

test("an anonymous page stays cacheable, and every answer turns off browser features the app never uses", async ({
  request,
  gca,
}) => {
  const response = await request.get(gca.path("/versions/1"));
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"] ?? "").not.toContain("no-store");
  const policy = response.headers()["permissions-policy"] ?? "";
  for (const feature of ["camera", "microphone", "geolocation", "payment"]) expect(policy).toContain(`${feature}=()`);
  const missing = await request.get("/no-such-page");
  expect(missing.headers()["permissions-policy"]).toBe(policy);
});
