/**
 * Where a template's files go. A template folder holds `template.yaml`, a `product/` tree that
 * becomes the product folder, and a `workspace/` tree rendered at the workspace root (GitHub only
 * reads workflows from `.github/workflows/` there). Anything else in the folder is not copied.
 */
export const TEMPLATE_MANIFEST = 'template.yaml';

const ROOTS: Readonly<Record<string, string>> = {
  product: '{{productPath}}/',
  workspace: '',
};

/**
 * Maps a file's path inside a template folder (`product/tests/input/x.csv`) to its unrendered
 * path in the workspace (`{{productPath}}/tests/input/x.csv`); undefined for files not copied.
 */
export function workspacePathOf(templatePath: string): string | undefined {
  const slash = templatePath.indexOf('/');
  if (slash <= 0) return undefined;
  const prefix = ROOTS[templatePath.slice(0, slash)];
  return prefix === undefined ? undefined : prefix + templatePath.slice(slash + 1);
}
