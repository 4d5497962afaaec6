export class ConfigError extends Error {}
export function maskUrl(url: string): string;
export function checkDatabaseUrl(url: string): void;
export function checkDatabaseReachable(url: string): Promise<void>;
export function resolveAuthSecret(opts: { embedded: boolean; dataDir: string; dev: boolean }): string;
export function resolvePort(value: string | undefined, fallback: number, name: string): number;
