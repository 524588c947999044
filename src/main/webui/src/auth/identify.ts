import { api, type Schemas } from "../api/client";
import { session } from "./session";

/**
 * Asks the API whose the session's token is and keeps the answer in the session; a token the API
 * refuses is forgotten, and the refusal returned to be shown.
 */
export async function identify(): Promise<{ me: Schemas["Me"]; problem?: undefined } | { me?: undefined; problem: unknown }> {
  const { data, error } = await api.GET("/api/v1/me");
  if (!data) {
    session.token = null;
    return { problem: error };
  }
  session.me = data;
  return { me: data };
}
