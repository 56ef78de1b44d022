import { spawn, type ChildProcess } from 'node:child_process';
import { isAbsolute, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { freePort } from '../db/embedded-postgres';
import { SUBGRAPHS, subgraphVariable, type SubgraphName } from '../subgraphs';

/**
 * Runs the platform's built services as processes of their own, as in production: `npm start`
 * (gateway/src/stack/start.ts) and the benchmark (bench/bench.mjs) both start the stack here.
 */
const ROOT = resolve(__dirname, '../../..');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** One service's process, and where it says it is ready. */
export interface ServiceProcess {
  name: string;
  process: ChildProcess;
  readyUrl: string;
}

export interface ServiceProcessOptions {
  name: string;
  /** A Node.js script, relative to the repository's root or absolute. */
  script: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  /** Answers 2xx once the service can take requests. */
  readyUrl: string;
  /**
   * The IPC channel (default on) that tells our services their runner is gone. Off for other
   * programs (the benchmark's peer), which it would keep alive after SIGTERM.
   */
  ipc?: boolean;
}

/** Where the stack listens: the gateway's port and each subgraph's. */
export interface StackPorts {
  gateway: number;
  subgraphs: Record<SubgraphName, number>;
}

/** The started stack's addresses, and the subgraphs' as variables (`ORGANISATIONS_URL`…) for other processes. */
export interface StartedStack {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphEnvironment: Record<string, string>;
}

/** `PORT` and `ORGANISATIONS_PORT`… from the environment, else the default ports (4000, 4001…). */
export function stackPortsFromEnvironment(env: NodeJS.ProcessEnv): StackPorts {
  const subgraphs = Object.fromEntries(
    SUBGRAPHS.map(({ name, defaultPort }) => [name, Number(env[subgraphVariable(name, 'PORT')] ?? defaultPort)]),
  ) as Record<SubgraphName, number>;
  return { gateway: Number(env.PORT ?? 4000), subgraphs };
}

/** A free port for the gateway and each subgraph (benchmarks and tests that run the whole stack). */
export async function freeStackPorts(): Promise<StackPorts> {
  const subgraphs: Partial<Record<SubgraphName, number>> = {};
  for (const { name } of SUBGRAPHS) subgraphs[name] = await freePort();
  return { gateway: await freePort(), subgraphs: subgraphs as Record<SubgraphName, number> };
}

/**
 * Processes started together and stopped together, the last started first. Each runs in its own
 * process group, so that Ctrl-C reaches only the runner, which stops everything in order; the IPC
 * channel makes one of our services stop by itself if the runner dies (shared stopOnSignals).
 */
export class ServiceGroup {
  readonly services: ServiceProcess[] = [];
  private stopping = false;
  /** Stopped on purpose one by one (`stopOne`): their exit is no surprise. */
  private readonly stopped = new Set<ChildProcess>();

  constructor(private readonly log: Logger) {}

  start({ name, script, args = [], env, readyUrl, ipc = true }: ServiceProcessOptions): ServiceProcess {
    const child = spawn(process.execPath, [isAbsolute(script) ? script : join(ROOT, script), ...args], {
      env,
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', ...(ipc ? ['ipc' as const] : [])],
    });
    child.on('exit', (code, signal) => {
      if (!this.stopping && !this.stopped.has(child))
        this.log.error({ service: name, code, signal }, 'a service stopped on its own; the others keep running');
    });
    const service = { name, process: child, readyUrl };
    this.services.push(service);
    return service;
  }

  /**
   * The subgraphs, each told where every subgraph is (services check references through their
   * owners), then, once they are ready, the gateway.
   */
  async startStack(env: NodeJS.ProcessEnv, ports: StackPorts): Promise<StartedStack> {
    const subgraphUrls = Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [name, `http://127.0.0.1:${ports.subgraphs[name]}/graphql`]),
    ) as Record<SubgraphName, string>;
    const subgraphEnvironment = Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [subgraphVariable(name, 'URL'), subgraphUrls[name]]),
    );
    const subgraphs = SUBGRAPHS.map(({ name }) =>
      this.start({
        name,
        script: `services/${name}/dist/index.js`,
        env: { ...env, ...subgraphEnvironment, [subgraphVariable(name, 'PORT')]: String(ports.subgraphs[name]) },
        readyUrl: `http://127.0.0.1:${ports.subgraphs[name]}/ready`,
      }),
    );
    await Promise.all(subgraphs.map(waitUntilReady));
    const gateway = this.start({
      name: 'gateway',
      script: 'gateway/dist/index.js',
      env: { ...env, ...subgraphEnvironment, PORT: String(ports.gateway) },
      readyUrl: `http://127.0.0.1:${ports.gateway}/ready`,
    });
    await waitUntilReady(gateway);
    return { gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`, subgraphUrls, subgraphEnvironment };
  }

  /** SIGTERM to each, the last started first, each given 10 s before SIGKILL. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const service of [...this.services].reverse()) await stopService(service, this.log);
  }

  /**
   * Stops one service (as `stop` does) and forgets it; the others keep running. The benchmark
   * restarts the notifications subgraph with other settings this way.
   */
  async stopOne(name: string): Promise<ServiceProcess> {
    const index = this.services.findIndex((service) => service.name === name);
    const service = this.services[index];
    if (!service) throw new Error(`no service ${name} in this group`);
    this.stopped.add(service.process);
    await stopService(service, this.log);
    this.services.splice(index, 1);
    return service;
  }

  /** For an exit with no time to stop in order (an error): SIGTERM to every process left. */
  killAll(): void {
    this.stopping = true;
    for (const { process: child } of this.services) if (child.exitCode === null) child.kill('SIGTERM');
  }
}

/** Resolves once `readyUrl` answers 2xx; rejects if the process exits or 60 s pass first. */
export async function waitUntilReady(service: ServiceProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { exitCode, signalCode } = service.process;
    if (exitCode !== null || signalCode !== null)
      throw new Error(`${service.name} exited (${exitCode ?? signalCode}) before it was ready`);
    try {
      const response = await fetch(service.readyUrl, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 200));
  }
  throw new Error(`${service.name} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stopService({ name, process: child }: ServiceProcess, log: Logger): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    log.warn({ service: name }, `did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it`);
    child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
