/**
 * The content-script floor (`npm run bench` only): a content script that does nothing, built
 * and injected as ours is, on the same fixture. What any content script costs a page.
 */
export default defineUnlistedScript(() => {});
