/**
 * Every node the package adds, by the name the nodes panel shows, and what a user would type to
 * find it. The browser test searches each term from the panel's + button and from a node's + handle.
 */
export const SEARCH_TARGETS: { displayName: string; terms: string[] }[] = [
	{ displayName: 'WaveSpeed Image Edit', terms: ['WaveSpeed', 'image edit', 'flux'] },
	{ displayName: 'WaveSpeed Trigger', terms: ['WaveSpeed', 'flux'] },
];
