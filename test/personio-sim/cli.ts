/**
 * Starts the Personio simulator from the command line:
 *   tsx test/personio-sim/cli.ts --employees 2000 --port 0 --seed 1 [--rate 300] [--latency 0]
 *     [--host 127.0.0.1] [--today YYYY-MM-DD] [--language en|de]
 * Prints one line with the URL and the default credential, then runs until SIGINT / SIGTERM.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CREDENTIAL, startSimulator, type SimOptions } from './server';

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    console.error(`--${name} must be a non-negative integer, got "${value}"`);
    process.exit(2);
  }
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      employees: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      rate: { type: 'string' },
      latency: { type: 'string' },
      host: { type: 'string' },
      today: { type: 'string' },
      language: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: tsx test/personio-sim/cli.ts [--employees 200] [--port 0] [--seed 1] [--rate <employees requests per minute>] [--latency <ms>] [--host 127.0.0.1] [--today YYYY-MM-DD] [--language en|de]');
    return;
  }
  const rate = integer('rate', values.rate);
  const language = values.language;
  if (language !== undefined && language !== 'en' && language !== 'de') {
    console.error('--language must be en or de');
    process.exit(2);
  }
  const options: SimOptions = {
    employees: integer('employees', values.employees) ?? 200,
    port: integer('port', values.port) ?? 0,
    seed: integer('seed', values.seed) ?? 1,
    latencyMs: integer('latency', values.latency) ?? 0,
    // --rate N: the employees limit per minute; auth keeps Personio's 60/min.
    rateLimit: rate ? { employeesPerMinute: rate } : false,
    ...(values.host ? { host: values.host } : {}),
    ...(values.today ? { today: values.today } : {}),
    ...(language ? { language } : {}),
  };
  const sim = await startSimulator(options);
  console.log(
    `Personio simulator listening on ${sim.url} (${sim.company.employees.length} employees, client_id=${DEFAULT_CREDENTIAL.clientId}, client_secret=${DEFAULT_CREDENTIAL.clientSecret})`,
  );
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
