export const ROOT: string;
export const OFFLINE_ENV: { CHECKPOINT_DISABLE: string; NEXT_TELEMETRY_DISABLED: string };
export function bin(name: string): string;
export function run(command: string, args: string[], opts?: { env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<string>;
