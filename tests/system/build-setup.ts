import { buildIfStale } from "../../scripts/lib/build.mjs";

/** The system tests run the production build: make it if it is missing or stale. */
export default function setup() {
  buildIfStale({ quiet: true });
}
