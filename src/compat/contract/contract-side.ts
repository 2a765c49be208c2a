import { MeshplaneError } from '../../errors/index.js';
import type { JsonPath } from '../../spec/diagnostic.js';
import type { LoadedDocument } from '../../spec/load/loaded-document.js';
import type { DataContract } from '../../spec/model/data-contract.js';
import { normalizeContract } from '../../spec/model/normalize-contract.js';

/** One of the two contracts compared, with what is needed to point into its file. */
export interface ContractSide {
  readonly contract: DataContract;
  readonly file: string;
  /** Locates a JSON path in the file; absent for contracts from the registry (no file). */
  readonly locate?: (path: JsonPath) => { line: number; column: number };
}

/**
 * The side of a loaded ODCS document, located through its source map. A document that did not
 * load (`value` undefined) is refused: validate it first, the diagnostics say why.
 */
export function contractSideFromDocument(document: LoadedDocument): ContractSide {
  if (document.value === undefined)
    throw new MeshplaneError('INVALID_INPUT', `${document.file} could not be read as a data contract`, {
      details: { file: document.file, diagnostics: document.diagnostics.length },
    });
  const { sourceMap } = document;
  return {
    contract: normalizeContract(document.value),
    file: document.file,
    locate: (path) => {
      const { line, column } = sourceMap.locate(path);
      return { line, column };
    },
  };
}
