/*
 * `npm run sandbox`: the Skyvern stand-in and the reference custom credential service, configured
 * from the environment (see ./config.ts and docs/decisions/sandbox-*.md). Prints human-readable
 * lines and exactly one machine-readable `SANDBOX_READY {json}` line, which scripts/start.mjs and
 * the e2e setup wait for.
 */
import { ConfigError, optionsFromEnv } from './config';
import { filterAllowedOrigins } from './skyvern/cors';
import {
  DEFAULT_ALLOWED_ORIGINS,
  PortInUseError,
  startSandbox,
  type SandboxHandle,
} from './server';

async function main(): Promise<void> {
  let handle: SandboxHandle;
  try {
    const options = optionsFromEnv(process.env);
    handle = await startSandbox(options);
    const origins = filterAllowedOrigins(options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS);
    console.log(`Skyvern sandbox           ${handle.skyvernUrl}`);
    console.log(`  x-api-key               ${handle.apiKey}`);
    console.log(`  allowed origins         ${origins.length > 0 ? origins.join(', ') : '(none)'}`);
    console.log(`Custom credential service ${handle.vaultUrl}`);
    console.log(`  bearer token            ${handle.vaultToken}`);
    console.log(`Data                      ${handle.dataDir ?? 'in memory (lost on exit)'}`);
    if (options.testControl)
      console.log('Test control routes       enabled (/__sandbox/faults, /__vault/faults)');
    console.log(
      `SANDBOX_READY ${JSON.stringify({
        skyvernUrl: handle.skyvernUrl,
        apiKey: handle.apiKey,
        vaultUrl: handle.vaultUrl,
        vaultToken: handle.vaultToken,
      })}`,
    );
  } catch (error) {
    if (error instanceof PortInUseError) {
      const example =
        error.port + 10000 <= 65535 ? ` (e.g. ${error.envVar}=${error.port + 10000})` : '';
      console.error(
        `sandbox: port ${error.port} on ${error.host} is already in use; set ${error.envVar} to a free port${example}.`,
      );
    } else if (error instanceof ConfigError) {
      console.error(`sandbox: ${error.message}`);
    } else {
      console.error('sandbox: failed to start:', error);
    }
    process.exit(1);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second Ctrl-C means "now".
      process.exit(1);
    }
    stopping = true;
    console.log(`Received ${signal}; stopping the sandbox.`);
    handle.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('sandbox: error while stopping:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
