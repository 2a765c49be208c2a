/** The product input port: another product's output port, read through the hub. */
export { bindProductInput, productInputViewSql, type UpstreamPort } from './product-input.js';
