import type { components } from "./schema.js";

type Schemas = components["schemas"];
export type SyncPage = Schemas["SyncPage"];
export type SyncItem = Schemas["SyncItem"];
export type SyncAsset = Schemas["SyncAsset"];

/** The key an item replaces: series and essays by slug, assets by path, each within its type. */
export function syncKey(item: SyncItem): string {
  return `${item.type ?? ""}:${item.type === "asset" ? (item.path ?? "") : (item.slug ?? "")}`;
}

/** A tombstone says: delete the item with this type and key. */
export function isTombstone(item: SyncItem): boolean {
  return item.deletedInRelease !== undefined && item.deletedInRelease !== null;
}

/**
 * A local copy of the corpus kept current by {@link EssaysClient.sync}: series, essays and assets by key, the release
 * they come from and the token to continue from. An app persists these (IndexedDB, SQLite) between runs; this one
 * lives in memory, which is enough for tests and for a page that stays open.
 */
export class SyncReplica {
  readonly series = new Map<string, Schemas["SeriesSummary"]>();
  readonly essays = new Map<string, Schemas["EssayDetail"]>();
  readonly assets = new Map<string, SyncAsset>();
  token: string | undefined;
  release: number | undefined;

  /** Stores an item, replacing the copy with the same type and key, or deletes it for a tombstone. */
  apply(item: SyncItem): void {
    const key = item.type === "asset" ? (item.path ?? "") : (item.slug ?? "");
    const store: Map<string, unknown> =
      item.type === "series" ? this.series : item.type === "essay" ? this.essays : this.assets;
    if (isTombstone(item)) {
      store.delete(key);
    } else if (item.type === "series" && item.series) {
      this.series.set(key, item.series);
    } else if (item.type === "essay" && item.essay) {
      this.essays.set(key, item.essay);
    } else if (item.type === "asset" && item.asset) {
      this.assets.set(key, item.asset);
    }
  }

  /** Forgets everything, as a 410 (sync-restart-required) asks before an initial sync. */
  clear(): void {
    this.series.clear();
    this.essays.clear();
    this.assets.clear();
    this.token = undefined;
    this.release = undefined;
  }
}

/** What one {@link EssaysClient.sync} did. */
export interface SyncOutcome {
  /** The release the replica now holds. */
  release: number | undefined;
  /** Items stored (added or replaced). */
  stored: number;
  /** Tombstones applied. */
  deleted: number;
  /** Pages fetched. */
  pages: number;
  /** The service no longer knew the token (410), so the replica was cleared and synced from scratch. */
  restarted: boolean;
}
