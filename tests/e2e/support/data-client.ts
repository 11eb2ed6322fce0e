/**
 * The test workers' side of the data service (data-service.ts, running in
 * the e2e server's process): one call per operation, over the run's Unix
 * socket.
 */
import http from "node:http";

import type { Operations } from "./data-service";

function socketPath() {
  const socket = process.env.E2E_DATA_SOCKET;
  if (!socket) throw new Error("E2E_DATA_SOCKET is not set: run the end-to-end tests through playwright.config.ts");
  return socket;
}

export function callDataService<Name extends keyof Operations>(
  name: Name,
  input: Parameters<Operations[Name]>[0],
): Promise<Awaited<ReturnType<Operations[Name]>>> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        socketPath: socketPath(),
        method: "POST",
        path: `/${name}`,
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode === 200) {
            resolve(JSON.parse(text) as Awaited<ReturnType<Operations[Name]>>);
            return;
          }
          let message = text;
          try {
            message = (JSON.parse(text) as { error: string }).error;
          } catch {
            // Not JSON: the text as it came.
          }
          reject(new Error(`Test data service, ${name}: ${message}`));
        });
      },
    );
    request.on("error", (error) => reject(new Error(`Test data service unreachable (${name}): ${error.message}`)));
    request.end(body);
  });
}
