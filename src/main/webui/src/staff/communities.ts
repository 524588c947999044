import { api, type Schemas } from "../api/client";
import { session } from "../auth/session";

type Region = Schemas["Region"];

/**
 * The communities under the regions a staff member serves (a community served is itself one), by
 * name, for the screens' pickers. A region's children are read a page of 100 at a time.
 */
export async function communitiesServed(regions: Region[]): Promise<Region[]> {
  const found = new Map<number, Region>();
  async function walk(region: Region): Promise<void> {
    if (region.level === "COMMUNITY") {
      found.set(region.id, region);
      return;
    }
    let cursor: string | undefined;
    do {
      const { data } = await api.GET("/api/v1/regions/{id}/children", {
        params: { path: { id: region.id }, query: { limit: 100, cursor } },
      });
      if (!data) return;
      await Promise.all(data.items.map(walk));
      cursor = data.nextCursor ?? undefined;
    } while (cursor);
  }
  await Promise.all(regions.map(walk));
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.id - b.id);
}

/** A region's name from a list of them, or its number when the list does not hold it. */
export function regionName(regions: Region[], id: number | null | undefined): string {
  if (id == null) return "";
  return regions.find((r) => r.id === id)?.name ?? `#${id}`;
}

/** The communities the signed-in staff member serves (activities and pools belong to communities). */
export function myCommunities(): Promise<Region[]> {
  return communitiesServed(session.me?.staffRegions ?? []);
}
