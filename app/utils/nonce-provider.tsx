import { createContext, useContext } from "react";

/** Carries the per-request CSP nonce from the server entry to <Scripts>. */
const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
