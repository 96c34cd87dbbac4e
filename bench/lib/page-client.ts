import http from "node:http";
import { gunzipSync } from "node:zlib";

/**
 * The benchmark's simulated users: plain HTTP/1.1 on kept-alive connections,
 * asking for gzip as a browser does. The load generator runs on the same cores
 * as the server it measures, so it does as little as it can: a response counts
 * once its last byte has arrived, without decompressing it (a browser does that
 * on its own machine). `fetch` spent about 3 ms of CPU per page doing more,
 * against about 1 ms here — time the server's processes could not have.
 */
export function pageClient(port: number, cookie: string) {
  const agent = new http.Agent({ keepAlive: true });

  /** The whole response to a GET of `path`; anything but 200 is an error. */
  function request(path: string): Promise<{ encoding?: string; body: Buffer[] }> {
    return new Promise((resolve, reject) => {
      const req = http.get(
        { host: "localhost", port, path, agent, headers: { cookie, "accept-encoding": "gzip" } },
        (res) => {
          const body: Buffer[] = [];
          res.on("data", (chunk: Buffer) => body.push(chunk));
          res.on("end", () =>
            res.statusCode === 200
              ? resolve({ encoding: res.headers["content-encoding"], body })
              : reject(new Error(`${path} answered ${res.statusCode}`)),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
    });
  }

  return {
    /** One page load as a user's request: resolves when the whole response is in; anything but 200 throws. */
    async get(path: string): Promise<void> {
      await request(path);
    },
    /** The page's HTML, decompressed: to check that what the load measures is the whole page. */
    async html(path: string): Promise<string> {
      const { encoding, body } = await request(path);
      const bytes = Buffer.concat(body);
      return (encoding === "gzip" ? gunzipSync(bytes) : bytes).toString("utf8");
    },
    close: () => agent.destroy(),
  };
}
