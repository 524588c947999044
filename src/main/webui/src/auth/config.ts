/** How the service says to sign in (GET /app-config.json): fetched once per page. */
export interface OidcConfig { issuer: string; clientId: string }
export interface AppConfig { devMode: boolean; oidc: OidcConfig | null }

let loaded: Promise<AppConfig> | null = null;

export function appConfig(): Promise<AppConfig> {
  loaded ??= fetch("/app-config.json")
    .then(async (res) => (res.ok ? ((await res.json()) as AppConfig) : { devMode: false, oidc: null }))
    .catch(() => ({ devMode: false, oidc: null }));
  return loaded;
}
