// Preloaded into the Prisma CLI by scripts/prisma.mjs. On PostgreSQL the
// WebAssembly schema engine arms a 10 s timer around its advisory lock and
// never clears it, so `migrate deploy` finishes in about a second and then
// holds the process for ten more. Long timers are unref'd: they still fire
// while anything else (a query, the lock) keeps the process busy, but they
// no longer keep a finished process alive.
const LONG_TIMER_MS = 5_000;
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeout(callback, ms, ...args) {
  const timer = originalSetTimeout.call(this, callback, ms, ...args);
  if (Number(ms) >= LONG_TIMER_MS && typeof timer?.unref === "function") timer.unref();
  return timer;
};
