export interface EmbeddedDatabaseProcess {
  url: string;
  adminUrl: string;
  pid: number;
  stop(): Promise<void>;
  kill(): void;
}
export function startEmbeddedDatabaseProcess(opts: { dir: string; port: number; database: string }): Promise<EmbeddedDatabaseProcess>;
