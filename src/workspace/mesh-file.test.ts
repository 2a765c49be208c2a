import { describe, expect, it } from 'vitest';
import { addDomainToMesh, readMeshSummary } from './mesh-file.js';

const MESH = `# The shop mesh. Keep this comment.
apiVersion: meshplane/v1
kind: Mesh
name: shop
teams:
  - name: sales-team # the example team
    members: [{ username: alice@example.com, role: owner }]
  - name: ops-team
domains:
  # Domains, one per business area.
  - name: sales
    description: A description long enough that a YAML writer with the default line width of eighty characters would fold it.
    ownerTeam: sales-team
conventions:
  physicalNames: snake_case
`;

describe('readMeshSummary', () => {
  it('reads teams and domain owners', () => {
    const mesh = readMeshSummary(MESH);
    expect(mesh.name).toBe('shop');
    expect(mesh.teams).toEqual(['sales-team', 'ops-team']);
    expect([...mesh.domains]).toEqual([['sales', 'sales-team']]);
  });

  it('is lenient with missing parts and strict with broken YAML', () => {
    expect(readMeshSummary('name: x\n').teams).toEqual([]);
    expect(() => readMeshSummary('a: [1\n', 'ws/mesh.yaml')).toThrow(/ws\/mesh.yaml is not valid YAML/);
  });
});

describe('addDomainToMesh', () => {
  it('appends the domain and keeps comments, flow style and long lines', () => {
    const out = addDomainToMesh(MESH, { name: 'orders', description: 'Orders.', ownerTeam: 'sales-team' });
    expect(out).toContain('# The shop mesh. Keep this comment.');
    expect(out).toContain('# Domains, one per business area.');
    expect(out).toContain('- name: sales-team # the example team');
    expect(out).toContain('members: [ { username: alice@example.com, role: owner } ]');
    expect(out).toContain(
      '    description: A description long enough that a YAML writer with the default line width',
    );
    expect(out).toContain(
      '  - name: orders\n    description: Orders.\n    ownerTeam: sales-team\nconventions:',
    );
    expect([...readMeshSummary(out).domains.keys()]).toEqual(['sales', 'orders']);
  });

  it('creates the list when mesh.yaml has none, or an empty one', () => {
    const entry = { name: 'orders', description: 'Orders.', ownerTeam: 't' };
    expect(readMeshSummary(addDomainToMesh('name: x\n', entry)).domains.get('orders')).toBe('t');
    expect(readMeshSummary(addDomainToMesh('name: x\ndomains:\n', entry)).domains.get('orders')).toBe('t');
  });

  it('refuses a mesh.yaml whose domains is not a list', () => {
    expect(() => addDomainToMesh('domains: 3\n', { name: 'o', description: '', ownerTeam: 't' })).toThrow(
      /not a list/,
    );
  });
});
