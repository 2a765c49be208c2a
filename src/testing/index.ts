/** `meshplane test`: a product's transforms on its sample input in a scratch DuckDB. See CONTEXT.md. */
export {
  type CanonicalRow,
  type ExpectedRows,
  type InvalidCell,
  readExpectedRows,
  readOutputRows,
} from './canonical-rows.js';
export {
  type ChangedCell,
  type ComparedColumn,
  comparableCell,
  compareRows,
  type NamedRow,
  type RowComparison,
  type RowDifference,
} from './compare-rows.js';
export {
  expectedFile,
  findSampleInputs,
  SAMPLE_FORMATS,
  type SampleFormat,
  type SampleInput,
  sampleInputDir,
} from './sample-inputs.js';
export { type PlacedSample, sampleProduct, type UpstreamLookup } from './sample-product.js';
export { withScratchFolder } from './scratch-folder.js';
export { DEFAULT_TEST_LIMITS, type TestContext, type TestLimits, type TestProgress } from './test-context.js';
export { type TestProductOptions, testProduct } from './test-product.js';
export {
  type ExpectedResult,
  type InputTestResult,
  type OutputTestResult,
  type ProductTestReport,
  qualityBlocks,
  type RejectedSampleRow,
  sampleQualityReport,
  testPassed,
} from './test-report.js';
