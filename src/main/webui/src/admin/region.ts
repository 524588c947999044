import { computed, reactive, ref, watch } from "vue";
import { useRoute, useRouter } from "vue-router";
import { api, problemText, type Schemas } from "../api/client";

export type Region = Schemas["Region"];
export type Level = Schemas["RegionLevel"];

/** The level a region's children have; a community has none. */
export function childLevel(level: Level): Level | null {
  const next: Record<Level, Level | null> = { CITY: "DISTRICT", DISTRICT: "STREET", STREET: "COMMUNITY", COMMUNITY: null };
  return next[level];
}

/** Regions already read, by id: the names of the ancestors a rule is inherited from. */
const known = reactive(new Map<number, Region>());

export function remember(region: Region): void {
  known.set(region.id, region);
}

/**
 * The region an admin screen is about, kept in the address (?region=4) so that the tree's screen can
 * send the admin to a region's rules or budget, and a reload keeps it. Its ancestors are read too,
 * so that "inherited from 3" can be said with the region's name.
 */
export function useSelectedRegion(failed: () => string) {
  const route = useRoute();
  const router = useRouter();
  const id = computed(() => {
    const n = Number(route.query.region);
    return Number.isInteger(n) && n > 0 ? n : null;
  });
  const region = ref<Region | null>(null);
  const problem = ref<string | null>(null);

  async function read(regionId: number): Promise<Region | null> {
    const cached = known.get(regionId);
    if (cached) return cached;
    const response = await api.GET("/api/v1/regions/{id}", { params: { path: { id: regionId } } });
    if (!response.data) {
      problem.value = problemText(response.error, failed());
      return null;
    }
    remember(response.data);
    return response.data;
  }

  watch(id, async (regionId) => {
    problem.value = null;
    region.value = regionId === null ? null : await read(regionId);
    if (region.value) await Promise.all(region.value.path.map(read));
  }, { immediate: true });

  return {
    id,
    region,
    problem,
    select(r: Region) {
      remember(r);
      void router.replace({ query: { ...route.query, region: String(r.id) } });
    },
    nameOf(regionId: number | undefined): string {
      return regionId === undefined ? "" : known.get(regionId)?.name ?? `#${regionId}`;
    },
  };
}
