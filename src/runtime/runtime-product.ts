/**
 * A data product as the runtime runs it: the normalized ODPS product with every port resolved to
 * its contract (or, for an input from another product, to that product's output port) and the
 * platform settings read from the contracts' `meshplane.*` custom properties.
 */
import type { ColumnSpec } from '../engines/column-spec.js';
import type { DataContract, SchemaObject, Server } from '../spec/model/data-contract.js';
import type { DataProduct } from '../spec/model/data-product.js';

export type RefreshMode = 'full' | 'append' | 'merge';

/** How records reach an input table (`meshplane.port` `kind`). */
export type StoredInputKind = 'files' | 'http-push' | 'nats' | 'postgres-cdc' | 'sql-table' | 'http-pull';

/** An input port with a contract of its own, stored in `input.<port>` of the product's file. */
export interface StoredInputPort {
  readonly kind: StoredInputKind;
  readonly name: string;
  readonly contract: DataContract;
  readonly schema: SchemaObject;
  readonly columns: readonly ColumnSpec[];
  /** The contract's server entry that says where the data comes from. */
  readonly server: Server;
  /** The `meshplane.port` object of that server (kind, header, delimiter, ...). */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** An input port that reads another product's output port through the hub. */
export interface ProductInputPort {
  readonly kind: 'product';
  readonly name: string;
  readonly contractId: string;
  readonly productId: string;
  readonly port: string;
}

export type RuntimeInputPort = StoredInputPort | ProductInputPort;

/** Where a port version stands in its life (from its contract's `status` and `meshplane.sunset`). */
export interface PortLifecycle {
  /** The contract's status: `active`, `deprecated`, `draft`, ... (`retired` ports are not served). */
  readonly status: string;
  /** The date after which a deprecated version may be retired (`meshplane.sunset`, YYYY-MM-DD). */
  readonly sunset?: string;
  /** What consumers should read instead (`meshplane.replacedBy`), else the port's latest major. */
  readonly replacedBy?: string;
}

/** A port version served as a view over another major of the same port (`meshplane.viewOf`). */
export interface ViewOfPort {
  /** The key of the port version the view reads. */
  readonly source: string;
  /** For each column of this version, in order: the source column it reads. */
  readonly columns: readonly { readonly name: string; readonly from: string; readonly sqlType: string }[];
}

export interface RuntimeOutputPort {
  /**
   * The port version's key: its table, its name in runs and in transforms. The port's name for
   * major 0 and 1, `<name>@v<major>` after (see port-version.ts).
   */
  readonly name: string;
  /** The port's name in the product descriptor, shared by all its versions. */
  readonly portName: string;
  /** The port's semver version, from the descriptor. */
  readonly version: string;
  readonly major: number;
  readonly lifecycle: PortLifecycle;
  /** Set when this version is a view over another version instead of a table of its own. */
  readonly viewOf?: ViewOfPort;
  readonly contract: DataContract;
  readonly schema: SchemaObject;
  readonly columns: readonly ColumnSpec[];
  readonly primaryKey: readonly string[];
  /** Absolute path of the SQL transform (`meshplane.transform`), when the port has one. */
  readonly transform: string | undefined;
  /** How messages name the transform (its path in the product folder), when `transform` is a deployed copy. */
  readonly transformName?: string;
  readonly refresh: RefreshMode;
  readonly schedule: string | undefined;
}

export interface RuntimeProduct {
  readonly id: string;
  readonly domain: string;
  /** The product's name in SQL (`<domain>.<name>`): its id without the domain prefix. */
  readonly sqlName: string;
  /** Absolute folder of the product; input globs and transform files are relative to it. */
  readonly dir: string;
  readonly product: DataProduct;
  readonly inputs: readonly RuntimeInputPort[];
  /** The output port versions served (retired ones are not). */
  readonly outputs: readonly RuntimeOutputPort[];
  /** Keys of output port versions whose contract says `retired`: their tables are dropped. */
  readonly retired: readonly string[];
}

export function isStoredInput(port: RuntimeInputPort): port is StoredInputPort {
  return port.kind !== 'product';
}
