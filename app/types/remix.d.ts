import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** Per-request nonce for the enforced Content-Security-Policy. */
    cspNonce: string;
    /** Request id, echoed in logs and the X-Request-Id header. */
    requestId: string;
    /** Client address for rate limits and audit: the socket peer, or the
     * proxy-reported address only when TRUST_PROXY is configured. */
    clientAddress: string;
  }
}
