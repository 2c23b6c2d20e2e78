/**
 * The /__sim control API: the simulator's test controls over HTTP, for callers in another
 * process (end-to-end tests, the demo). Never rate limited, never logged, never faulted.
 */
import type { IncomingMessage } from 'node:http';
import type { SimEmployee } from './company';
import { validateFault, type FaultQueue } from './faults';
import type { RateLimits } from './rate-limit';
import type { Reply } from './replies';
import { isRecord, readBody } from './request-parsing';
import type { Simulator } from './simulator-types';
import { SimError, type SimState } from './state';

/** What the control API reads of the simulator beyond its public interface. */
export interface ControlTarget extends Simulator {
  readonly state: SimState;
  readonly faults: FaultQueue;
  readonly limits: RateLimits | null;
}

function stats(sim: ControlTarget) {
  const byRoute: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  for (const r of sim.requests) {
    const route = `${r.method} ${r.path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
    byRoute[route] = (byRoute[route] ?? 0) + 1;
    byStatus[String(r.status)] = (byStatus[String(r.status)] ?? 0) + 1;
  }
  return {
    requests: sim.requests.length,
    byRoute,
    byStatus,
    employees: sim.company.employees.length,
    timeOffs: sim.company.timeOffs.length,
    pendingFaults: sim.faults.pending(),
    rateLimit: sim.limits?.config ?? false,
  };
}

export async function control(sim: ControlTarget, req: IncomingMessage, url: URL): Promise<Reply> {
  const method = req.method ?? 'GET';
  const parts = url.pathname.split('/').filter(Boolean).slice(1); // drop '__sim'
  const done = (data: unknown = null, status = 200): Reply => ({ status, json: { success: true, data } });
  try {
    let body: unknown;
    if (method === 'POST' || method === 'PATCH' || method === 'PUT') {
      const text = await readBody(req);
      try {
        body = text.trim() === '' ? undefined : JSON.parse(text);
      } catch {
        throw new SimError(400, 'the body must be JSON');
      }
    }
    const [first, second, third] = parts;
    const employeeId = () => {
      if (!second || !/^\d+$/.test(second)) throw new SimError(404, 'unknown employee id');
      return Number(second);
    };
    const asObject = (value: unknown) => {
      if (value === undefined) return {};
      if (!isRecord(value)) throw new SimError(400, 'the body must be a JSON object');
      return value;
    };
    const key = `${method} ${first ?? ''}${second !== undefined ? (/^\d+$/.test(second) ? '/:id' : `/${second}`) : ''}${third !== undefined ? `/${third}` : ''}`;
    switch (key) {
      case 'GET stats':
        return done(stats(sim));
      case 'GET requests':
        return done(sim.requests);
      case 'DELETE requests':
        sim.resetRequestLog();
        return done();
      case 'POST employees':
        return done(sim.addEmployee(asObject(body) as Partial<SimEmployee>), 201);
      case 'GET employees/:id':
        return done(sim.state.get(employeeId()));
      case 'PATCH employees/:id':
        return done(sim.updateEmployee(employeeId(), asObject(body) as Partial<SimEmployee>));
      case 'DELETE employees/:id':
        sim.removeEmployee(employeeId());
        return done();
      case 'POST employees/:id/touch':
        sim.touchEmployee(employeeId());
        return done(sim.state.get(employeeId()));
      case 'POST faults':
        sim.injectFault(validateFault(body));
        return done(null, 201);
      case 'DELETE faults':
        sim.clearFaults();
        return done();
      case 'POST revoke': {
        const { clientId } = asObject(body);
        if (typeof clientId !== 'string') throw new SimError(400, 'clientId is required');
        sim.revokeCredential(clientId);
        return done();
      }
      case 'POST attributes': {
        const { clientId, attributes } = asObject(body);
        if (typeof clientId !== 'string' || !Array.isArray(attributes) || !attributes.every((a) => typeof a === 'string')) {
          throw new SimError(400, 'clientId and attributes (a list of keys) are required');
        }
        sim.setAllowedAttributes(clientId, attributes as string[]);
        return done();
      }
      case 'POST rate-limit': {
        // false / null / {} body: false or null turns limiting off; an object turns it on.
        if (body === false || body === null || body === undefined) sim.setRateLimit(false);
        else {
          const { employeesPerMinute, authPerMinute } = asObject(body);
          if ((employeesPerMinute !== undefined && typeof employeesPerMinute !== 'number') || (authPerMinute !== undefined && typeof authPerMinute !== 'number')) {
            throw new SimError(400, 'employeesPerMinute and authPerMinute must be numbers');
          }
          try {
            sim.setRateLimit({
              ...(employeesPerMinute !== undefined ? { employeesPerMinute } : {}),
              ...(authPerMinute !== undefined ? { authPerMinute } : {}),
            });
          } catch (e) {
            throw new SimError(400, e instanceof Error ? e.message : 'invalid rate limit');
          }
        }
        return done(sim.limits?.config ?? false);
      }
      default:
        return { status: 404, json: { success: false, error: { code: 404, message: `no control endpoint ${method} ${url.pathname}` } } };
    }
  } catch (e) {
    if (e instanceof SimError) return { status: e.status, json: { success: false, error: { code: e.status, message: e.message } } };
    throw e;
  }
}
