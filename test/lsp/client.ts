/** A real LSP client (vscode-jsonrpc) talking to a server child process over stdio. */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ExitNotification,
  ShutdownRequest,
  RegistrationRequest,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

export interface LspClient {
  connection: MessageConnection;
  child: ChildProcess;
  initialize: InitializeResult;
  /** resolves with the next diagnostics published for `uri` (optionally: for this version) */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** the first capabilities the server registered dynamically (it does so after `initialized`) */
  registered: Promise<unknown[]>;
  stderr(): string;
  close(): Promise<void>;
}

export async function startClient(
  command: string,
  args: readonly string[],
  options: { cwd: string; initializationOptions?: object },
): Promise<LspClient> {
  const child = spawn(command, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  let onRegistered: (registrations: unknown[]) => void = () => {};
  const registered = new Promise<unknown[]>((resolve) => (onRegistered = resolve));
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const index = waiting.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version));
    if (index !== -1) waiting.splice(index, 1)[0]!.resolve(params);
  });
  connection.onRequest(RegistrationRequest.type, (params) => {
    onRegistered(params.registrations);
  });
  connection.listen();
  const initialize = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(options.cwd).href,
    workspaceFolders: [{ uri: pathToFileURL(options.cwd).href, name: 'test' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    child,
    initialize,
    registered,
    nextDiagnostics: (uri, version) => new Promise((resolve) => waiting.push({ uri, version, resolve })),
    stderr: () => stderr,
    async close() {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      connection.dispose();
    },
  };
}
