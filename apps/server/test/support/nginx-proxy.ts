import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import https from "node:https";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./lumen-process.ts";

/** Debian's nginx, if this machine has it (.ci/run installs it). */
export function findNginx(): string | undefined {
  for (const dir of [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/usr/local/sbin"]) {
    if (dir && existsSync(join(dir, "nginx"))) return join(dir, "nginx");
  }
  return undefined;
}

export type Nginx = {
  /** https://127.0.0.1:<port>, what PUBLIC_URL is set to. */
  url: string;
  /** The self-signed certificate (PEM) clients must trust. */
  certificate: string;
  accessLog(): string;
  stop(): Promise<void>;
};

/** A self-signed certificate for 127.0.0.1, made with the openssl CLI. */
function makeCertificate(dir: string): void {
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      join(dir, "lumen.key"),
      "-out",
      join(dir, "lumen.crt"),
    ],
    { stdio: "ignore" },
  );
}

function waitForPort(port: number, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nginx did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/**
 * The repo's own deploy/nginx/lumen.conf, verbatim, in a temp prefix: only its include files
 * (listen lines, upstream servers) and the certificate are the test's. nginx runs in the
 * foreground as a child of the test and stops with it.
 */
export async function startNginx(options: {
  binary: string;
  httpsPort: number;
  httpPort: number;
  upstreams: string[];
}): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), "lumen-nginx-"));
  for (const dir of ["conf.d/lumen", "tls", "tmp", "logs"]) mkdirSync(join(prefix, dir), { recursive: true });
  makeCertificate(join(prefix, "tls"));
  copyFileSync(join(repoRoot, "deploy/nginx/lumen.conf"), join(prefix, "conf.d/lumen.conf"));
  const inc = (name: string, lines: string[]) =>
    writeFileSync(join(prefix, "conf.d/lumen", name), `${lines.join("\n")}\n`);
  inc("listen-https.inc", [`listen 127.0.0.1:${options.httpsPort} ssl;`]);
  inc("listen-http.inc", [`listen 127.0.0.1:${options.httpPort};`]);
  inc(
    "upstreams.inc",
    options.upstreams.map((u) => `server ${u} max_fails=3 fail_timeout=10s;`),
  );
  const runAsRoot = process.getuid?.() === 0;
  writeFileSync(
    join(prefix, "nginx.conf"),
    [
      // As root, nginx's workers would switch to "nobody", who cannot read the temp prefix.
      ...(runAsRoot ? ["user root;"] : []),
      "daemon off;",
      "master_process on;",
      "worker_processes 1;",
      `pid ${join(prefix, "nginx.pid")};`,
      `error_log ${join(prefix, "logs/error.log")} warn;`,
      "events { worker_connections 512; }",
      "http {",
      `  access_log ${join(prefix, "logs/access.log")};`,
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (kind) => `  ${kind}_temp_path ${join(prefix, "tmp", kind)};`,
      ),
      "  include conf.d/lumen.conf;",
      "}",
      "",
    ].join("\n"),
  );
  const args = ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-e", join(prefix, "logs/error.log")];
  execFileSync(options.binary, [...args, "-t", "-q"], { stdio: "pipe" });
  const child: ChildProcess = spawn(options.binary, args, { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForPort(options.httpsPort, Date.now() + 10_000);
  return {
    url: `https://127.0.0.1:${options.httpsPort}`,
    certificate: readFileSync(join(prefix, "tls/lumen.crt"), "utf8"),
    accessLog: () => readFileSync(join(prefix, "logs/access.log"), "utf8"),
    async stop() {
      if (child.exitCode === null) child.kill("SIGQUIT");
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

export type HttpsAnswer = { status: number; headers: Record<string, unknown>; body: string };

/**
 * One request through nginx as a client would make it, optionally from another loopback
 * address (127.0.0.2, ...) so the client's real address differs from nginx's own.
 */
export function requestThrough(
  nginx: Nginx,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: unknown;
    localAddress?: string;
  },
): Promise<HttpsAnswer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = https.request(`${nginx.url}${options.path}`, {
      method: options.method ?? "GET",
      ca: nginx.certificate,
      agent: false,
      timeout: 20_000,
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      headers: {
        ...(body === undefined
          ? {}
          : { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }),
        ...options.headers,
      },
    });
    request.on("timeout", () => request.destroy(new Error("request through nginx timed out")));
    request.on("error", reject);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.end(body);
  });
}
