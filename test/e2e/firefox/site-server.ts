import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Simulator } from '../../personio-sim';
import { fixtureFile, type FixtureRoute, type SiteScenario } from '../../fixtures/sites/scenario';

/**
 * The real host names, served from this machine for Firefox: Firefox resolves them to
 * 127.0.0.1 (the pref `network.dns.localDomains`) and this HTTPS server answers on port 443,
 * Personio's API from the simulator and each site from its fixture. Firefox is told to accept
 * the throw-away certificate for the session (WebDriver BiDi's acceptInsecureCerts), so no CA
 * is installed anywhere. Chromium's suite routes requests inside the browser instead; Firefox's
 * extension background is outside any tab, where BiDi interception does not reach.
 */
export interface SiteServer {
  hosts: string[];
  serve(scenario: SiteScenario): void;
  /** Unreachable: Personio's connections are reset, as when the network is down. */
  personioReachable(reachable: boolean): void;
  close(): Promise<void>;
}

const PERSONIO_HOST = 'api.personio.de';

/** A Playwright URL glob (`*` within a path segment, `**` across them) as a RegExp. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else source += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** A self-signed certificate naming every host (openssl: Debian's, present wherever git is). */
function certificateFor(hosts: string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'sidecard-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=sidecard-e2e',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function forwardToSimulator(sim: Simulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value);
  }
  try {
    const answer = await fetch(`${sim.url}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    const body = Buffer.from(await answer.arrayBuffer());
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== 'content-encoding' && name !== 'content-length' && name !== 'transfer-encoding') out[name] = value;
    });
    res.writeHead(answer.status, out).end(body);
  } catch {
    // The simulator dropped the connection (an injected fault): so does this server.
    res.destroy();
  }
}

export async function startSiteServer(sim: Simulator, siteHosts: string[]): Promise<SiteServer> {
  const hosts = [PERSONIO_HOST, ...siteHosts];
  const routes: { site: string; route: FixtureRoute; pattern: RegExp }[] = [];
  let personioUp = true;
  const server: Server = createServer(certificateFor(hosts), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:443$/, '');
    if (host === PERSONIO_HOST) return personioUp ? void forwardToSimulator(sim, req, res) : void res.destroy();
    const url = `https://${host}${req.url ?? '/'}`;
    // Later routes win over earlier ones, as in Playwright.
    const match = [...routes].reverse().find((r) => r.pattern.test(url));
    if (!match) return void res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${url}`);
    const { route, site } = match;
    const body = route.json !== undefined ? JSON.stringify(route.json) : fixtureFile(site, route.file ?? 'index.html');
    const type = route.contentType ?? (route.json !== undefined ? 'application/json' : 'text/html; charset=utf-8');
    res.writeHead(route.status ?? 200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EACCES' ? new Error('Port 443 needs root (or CAP_NET_BIND_SERVICE for node): the Firefox tests serve the sites at their real host names there.') : error),
    );
    server.listen(443, '127.0.0.1', resolve);
  });
  return {
    hosts,
    serve(scenario) {
      for (const route of scenario.routes) routes.push({ site: scenario.site, route, pattern: globToRegExp(route.url) });
    },
    personioReachable(reachable) {
      personioUp = reachable;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
