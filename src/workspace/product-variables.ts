import type { ProductName } from './names.js';
import type { TemplateVariables } from './render-template.js';

/**
 * The placeholders every product template may use. Pure.
 *
 * | placeholder         | example                       |
 * |---------------------|-------------------------------|
 * | `{{domain}}`        | `orders`                      |
 * | `{{product}}`       | `order_lines` (snake_case)    |
 * | `{{productFolder}}` | `order-lines` (as typed)      |
 * | `{{productId}}`     | `orders.order_lines`          |
 * | `{{productPath}}`   | `domains/orders/order-lines`  |
 * | `{{team}}`          | `orders-team` (domain owner)  |
 * | `{{title}}`         | `Order Lines`                 |
 */
export function productVariables(name: ProductName, team: string, title: string): TemplateVariables {
  return {
    domain: name.domain,
    product: name.product,
    productFolder: name.folder,
    productId: name.id,
    productPath: name.path,
    team,
    title,
  };
}
