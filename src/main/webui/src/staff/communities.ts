import { api, type Schemas } from "../api/client";
import { session } from "../auth/session";

type Region = Schemas["Region"];

/**
 * The communities a staff member serves: the regions of their token that are communities, and the
 * communities under the streets or districts they serve (activities and pools belong to communities).
 */
export async function myCommunities(): Promise<Region[]> {
  const found = new Map<number, Region>();
  async function walk(region: Region, depth: number): Promise<void> {
    if (region.level === "COMMUNITY") {
      found.set(region.id, region);
      return;
    }
    if (depth > 3) return;
    let cursor: string | undefined;
    do {
      const { data } = await api.GET("/api/v1/regions/{id}/children", {
        params: { path: { id: region.id }, query: { limit: 100, cursor } },
      });
      if (!data) return;
      await Promise.all(data.items.map((child) => walk(child as Region, depth + 1)));
      cursor = data.nextCursor ?? undefined;
    } while (cursor);
  }
  await Promise.all((session.me?.staffRegions ?? []).map((r) => walk(r, 0)));
  return [...found.values()].sort((a, b) => a.id - b.id);
}
