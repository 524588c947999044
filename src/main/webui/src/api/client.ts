import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";
import { session } from "../auth/session";
import { lang } from "../i18n";

export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];

/** The one client every screen calls the API through, typed from openapi/openapi.yaml. */
export const api = createClient<paths>({ baseUrl: "" });

const auth: Middleware = {
  onRequest({ request }) {
    if (session.token) {
      request.headers.set("Authorization", `Bearer ${session.token}`);
    }
    request.headers.set("Accept-Language", lang.value);
    return request;
  },
};
api.use(auth);

/** What to show for a failed call: the API's localized detail, or a plain sentence when there was none. */
export function problemText(error: unknown, fallback: string): string {
  const p = error as Partial<Problem> | undefined;
  if (p && typeof p.detail === "string" && p.detail) {
    return p.detail;
  }
  return fallback;
}

/** The stable code of a failed call, if the API said one. */
export function problemCode(error: unknown): string | undefined {
  const p = error as Partial<Problem> | undefined;
  return p && typeof p.code === "string" ? p.code : undefined;
}
