import { fixtureFile } from '../../fixtures/sites/scenario';

/**
 * Parse a site fixture into a Document without running its scripts, then mount the
 * content of one of its <template> views where the fixture app would (for fixtures
 * that render views from templates); pass no template for fixtures that are static.
 */
export function fixtureDocument(site: string, file: string, templateId?: string, mountSelector = '[role="main"]'): Document {
  const html = fixtureFile(site, file).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (templateId) {
    const template = doc.getElementById(templateId) as HTMLTemplateElement | null;
    if (!template) throw new Error(`fixture ${site}/${file} has no template #${templateId}`);
    const mount = doc.querySelector(mountSelector);
    if (!mount) throw new Error(`fixture ${site}/${file} has no ${mountSelector}`);
    mount.replaceChildren(template.content.cloneNode(true));
  }
  return doc;
}
