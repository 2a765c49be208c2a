import type { TemplateFile } from './render-template.js';

/** The domain and team a new workspace starts with; `meshplane new` gives new domains this team. */
export const EXAMPLE_DOMAIN = 'sales';
export const EXAMPLE_TEAM = 'sales-team';

/** The line `meshplane init` makes sure .gitignore holds: local state never goes to git. */
export const GITIGNORE_LINE = '.meshplane/';

function meshYaml(name: string): string {
  return `# The mesh as code: its teams, its domains and who owns each, and mesh-wide conventions.
# Data products live under domains/<domain>/<product>/ (see README.md).
apiVersion: meshplane/v1
kind: Mesh
name: ${name}
description: The ${name} data mesh.
teams:
  # An example team: rename it and list its members. Teams own domains and data products.
  - name: ${EXAMPLE_TEAM}
    description: Owns the ${EXAMPLE_DOMAIN} domain and its data products.
    members:
      - username: owner@example.com
        name: Example Owner
        role: owner
domains:
  # Domain names are lower-case snake_case; \`meshplane new\` adds the domains it needs here.
  - name: ${EXAMPLE_DOMAIN}
    description: Sales and the customers' orders (an example domain; rename or remove it).
    ownerTeam: ${EXAMPLE_TEAM}
conventions:
  # Table and column names in every contract (snake_case, camelCase, PascalCase, kebab-case or any).
  physicalNames: snake_case
`;
}

function domainYaml(): string {
  return `# Optional details of the ${EXAMPLE_DOMAIN} domain; mesh.yaml declares the domain and its owner.
apiVersion: meshplane/v1
kind: Domain
name: ${EXAMPLE_DOMAIN}
description: Sales and the customers' orders.
ownerTeam: ${EXAMPLE_TEAM}
members:
  - username: owner@example.com
    name: Example Owner
    role: owner
`;
}

function readme(name: string): string {
  return `# ${name}

A data mesh managed with [Meshplane](https://www.npmjs.com/package/meshplane): each domain team
declares its data products as code, using open standards.

## Layout

\`\`\`
mesh.yaml                          teams, domains and their owners, conventions
domains/<domain>/domain.yaml       optional details of a domain
domains/<domain>/<product>/
  product.odps.yaml                the data product (Open Data Product Standard v1.0.0): ports, team
  <port>.odcs.yaml                 a data contract (Open Data Contract Standard v3.1.0) per port
  <port>.sql                       the DuckDB SQL that builds an output port from the input ports
  tests/input/, tests/expected/    sample input and the output it must give
.github/workflows/                 one CI workflow per product
\`\`\`

## Working on a product

\`\`\`sh
meshplane templates                                  # the kinds of product you can start from
meshplane new ${EXAMPLE_DOMAIN}/orders --template batch          # scaffold a product
meshplane validate                                   # check every document and reference
meshplane test domains/${EXAMPLE_DOMAIN}/orders                   # run its SQL on the sample data
\`\`\`

Local state (databases, run history) lives in \`.meshplane/\`, which git ignores.
`;
}

/**
 * The files of a new workspace named `name`. Pure. README.md and .gitignore are listed too; the
 * caller decides what to do when the folder already has them.
 */
export function workspaceFiles(name: string): TemplateFile[] {
  return [
    { path: 'mesh.yaml', text: meshYaml(name) },
    { path: `domains/${EXAMPLE_DOMAIN}/domain.yaml`, text: domainYaml() },
    { path: 'README.md', text: readme(name) },
    { path: '.gitignore', text: `${GITIGNORE_LINE}\n` },
  ];
}

/** .gitignore text with the `.meshplane/` line added, or undefined if it already ignores it. */
export function withGitignoreLine(existing: string): string | undefined {
  const lines = existing.split(/\r?\n/).map((l) => l.trim());
  if (lines.includes(GITIGNORE_LINE) || lines.includes('.meshplane') || lines.includes('/.meshplane/'))
    return undefined;
  return `${existing}${existing === '' || existing.endsWith('\n') ? '' : '\n'}${GITIGNORE_LINE}\n`;
}
