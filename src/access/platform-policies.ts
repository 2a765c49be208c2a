import type { PolicySource } from './access-types.js';

/** The classifications anyone may read without a grant, within the limits below. */
const OPEN = 'public';
const DOMAIN_OPEN = 'internal';

/**
 * The platform's default access policies. With nothing else, this is the whole rule book:
 *
 * - `admin`: principals with the `admin` role may do everything, everywhere. A mesh that wants
 *   separation of duties adds a `forbid` in its own policies/*.cedar (forbid wins).
 * - `owner-team`: members of a product's owner team discover, read, subscribe, export, manage and
 *   approve access to it and its ports.
 * - `discover`: any authenticated principal discovers products and ports that are not retired.
 * - `read-public`: any authenticated principal reads and subscribes to `public` ports.
 * - `read-internal-same-domain`: principals of a port's domain read and subscribe to `internal` ports.
 * - `forbid-retired`: nobody reads, subscribes to or exports a retired port, whatever permits it.
 *
 * Everything else, in particular `restricted`, `confidential` and unclassified ports for anyone
 * outside the owner team, and `export` of any port, needs a grant (grant-policy.ts).
 */
export const PLATFORM_POLICIES: readonly PolicySource[] = Object.freeze([
  {
    id: 'platform/admin',
    source: 'platform',
    text: `permit (principal, action, resource)
when { principal.roles.contains("admin") };`,
  },
  {
    id: 'platform/owner-team',
    source: 'platform',
    text: `permit (
  principal,
  action in [
    Meshplane::Action::"discover",
    Meshplane::Action::"read",
    Meshplane::Action::"subscribe",
    Meshplane::Action::"export",
    Meshplane::Action::"manage",
    Meshplane::Action::"approveAccess"
  ],
  resource
)
when { principal in resource.owner };`,
  },
  {
    id: 'platform/discover',
    source: 'platform',
    text: `permit (principal, action == Meshplane::Action::"discover", resource)
when { resource.status != "retired" };`,
  },
  {
    id: 'platform/read-public',
    source: 'platform',
    text: `permit (
  principal,
  action in [Meshplane::Action::"read", Meshplane::Action::"subscribe"],
  resource is Meshplane::OutputPort
)
when { resource.classification == "${OPEN}" };`,
  },
  {
    id: 'platform/read-internal-same-domain',
    source: 'platform',
    text: `permit (
  principal,
  action in [Meshplane::Action::"read", Meshplane::Action::"subscribe"],
  resource is Meshplane::OutputPort
)
when {
  resource.classification == "${DOMAIN_OPEN}" &&
  principal has domain &&
  principal.domain == resource.domain
};`,
  },
  {
    id: 'platform/forbid-retired',
    source: 'platform',
    text: `forbid (
  principal,
  action in [Meshplane::Action::"read", Meshplane::Action::"subscribe", Meshplane::Action::"export"],
  resource
)
when { resource.status == "retired" };`,
  },
] satisfies PolicySource[]);
