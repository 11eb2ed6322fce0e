import { test } from "./fixtures";
import { commentOnAPhraseByKeyboard } from "./keyboard-steps";

// The phone (390×844), in the French interface, with a keyboard (a Bluetooth one, or switch access).
test.use({ viewport: { width: 390, height: 844 }, locale: "fr" });

test("on a 390×844 phone a delegate, keyboard only, in French, comments on a phrase of 2.9 a.", async ({
  page,
  gca,
  people,
  signInAs,
}) => {
  await signInAs(people.delegate);
  await commentOnAPhraseByKeyboard(page, gca.path("/versions/1"), `Clavier sur téléphone (${Date.now()})`);
});
