import type { Diagnostic, JsonPath } from '../diagnostic.js';
import type { LoadedDocument } from '../load/loaded-document.js';
import type { DataContract } from '../model/data-contract.js';
import type { DataProduct } from '../model/data-product.js';
import type { Domain, Mesh } from '../model/mesh.js';

/** A document of the workspace after loading, kind detection, schema validation and normalization. */
export type ModelOf =
  | { readonly kind: 'DataContract'; readonly model: DataContract }
  | { readonly kind: 'DataProduct'; readonly model: DataProduct }
  | { readonly kind: 'Mesh'; readonly model: Mesh }
  | { readonly kind: 'Domain'; readonly model: Domain };

export interface WorkspaceEntry {
  readonly doc: LoadedDocument;
  /** The normalized model, when the document was recognized and usable. */
  readonly parsed: ModelOf | undefined;
}

export interface ContractEntry {
  readonly doc: LoadedDocument;
  readonly model: DataContract;
}

export interface ProductEntry {
  readonly doc: LoadedDocument;
  readonly model: DataProduct;
}

/** What every semantic rule sees: the whole workspace, indexed once. */
export interface RuleContext {
  readonly contracts: readonly ContractEntry[];
  readonly products: readonly ProductEntry[];
  /** mesh.yaml, when the documents belong to a workspace. Workspace rules run only then. */
  readonly mesh: { readonly doc: LoadedDocument; readonly model: Mesh } | undefined;
  readonly contractsById: ReadonlyMap<string, readonly ContractEntry[]>;
  /** Output port contract id → the product and port that publish it. */
  readonly outputPortsByContractId: ReadonlyMap<
    string,
    { readonly product: ProductEntry; readonly port: string }
  >;
}

export type Rule = (context: RuleContext) => Iterable<Diagnostic>;

/** A located diagnostic for `path` in `doc`, with the code's catalog severity unless overridden. */
export type Report = (
  doc: LoadedDocument,
  path: JsonPath,
  message: string,
  options?: { target?: 'value' | 'key'; hint?: string },
) => Diagnostic;
