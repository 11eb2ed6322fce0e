import crypto from "node:crypto";
import fs from "node:fs";

import { deriveUnsubscribeKey } from "~/lib/mail/unsubscribe";

/**
 * The e2e server's unsubscribe key, found as the server finds it
 * (app/models/notification-preference.server.ts unsubscribeKey): the server
 * runs in this folder with this environment. Without UNSUBSCRIBE_SECRET or
 * TOTP_ENCRYPTION_KEY, the key file is created by whichever comes first,
 * then read by both.
 */
export function serverUnsubscribeKey() {
  const secret = process.env.UNSUBSCRIBE_SECRET?.trim();
  if (secret) return deriveUnsubscribeKey(secret);
  const configured = process.env.TOTP_ENCRYPTION_KEY?.trim();
  if (configured) {
    const hex = /^[0-9a-f]{64}$/i.test(configured);
    return deriveUnsubscribeKey(Buffer.from(configured, hex ? "hex" : "base64"));
  }
  const file = process.env.TOTP_ENCRYPTION_KEY_FILE ?? "data/totp-encryption.key";
  fs.mkdirSync("data", { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex") + "\n", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return deriveUnsubscribeKey(Buffer.from(fs.readFileSync(file, "utf8").trim(), "hex"));
}
