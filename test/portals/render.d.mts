export declare const PORTALS_DIR: string;
/** The HTML of a replica page by its URL path, or null when there is no such page. */
export declare function renderPage(urlPath: string): string | null;
