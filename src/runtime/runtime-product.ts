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
export type StoredInputKind = 'files' | 'http-push' | 'nats' | 'postgres-cdc';

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

export interface RuntimeOutputPort {
  readonly name: string;
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
  readonly outputs: readonly RuntimeOutputPort[];
}

export function isStoredInput(port: RuntimeInputPort): port is StoredInputPort {
  return port.kind !== 'product';
}
