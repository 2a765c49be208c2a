/**
 * The shop's article catalogue: every SKU that order lines and stock snapshots may name. Fixed, not
 * random, so SKUs read the same at every scale and seed; it includes the SKUs of the `tests/`
 * samples (TEE-BLK-M, MUG-WHT, HOOD-GRY-L, CAP-NVY, TEE-WHT-S).
 */

/** One stock keeping unit. */
export interface Article {
  readonly sku: string;
  readonly name: string;
  readonly priceCents: number;
  /** Relative sales volume. */
  readonly popularity: number;
}

interface ProductLine {
  readonly code: string;
  readonly name: string;
  readonly priceCents: number;
  readonly popularity: number;
  readonly colours: readonly string[];
  readonly sizes: readonly string[];
}

const COLOURS: Readonly<Record<string, string>> = {
  BLK: 'Black',
  WHT: 'White',
  NVY: 'Navy',
  GRY: 'Grey',
  GRN: 'Green',
  RED: 'Red',
  BEI: 'Beige',
  BLU: 'Blue',
  NAT: 'Natural',
  LAV: 'Lavender',
  VAN: 'Vanilla',
  CED: 'Cedar',
};

const LINES: readonly ProductLine[] = [
  {
    code: 'TEE',
    name: 'Organic T-Shirt',
    priceCents: 1990,
    popularity: 10,
    colours: ['BLK', 'WHT', 'NVY', 'GRN', 'RED'],
    sizes: ['XS', 'S', 'M', 'L', 'XL'],
  },
  {
    code: 'HOOD',
    name: 'Hoodie',
    priceCents: 4900,
    popularity: 5,
    colours: ['GRY', 'BLK', 'NVY'],
    sizes: ['S', 'M', 'L', 'XL'],
  },
  {
    code: 'SWT',
    name: 'Sweatshirt',
    priceCents: 3990,
    popularity: 3,
    colours: ['GRY', 'NVY', 'GRN'],
    sizes: ['S', 'M', 'L', 'XL'],
  },
  {
    code: 'JEAN',
    name: 'Slim Jeans',
    priceCents: 7900,
    popularity: 2,
    colours: ['BLU', 'BLK'],
    sizes: ['S', 'M', 'L', 'XL'],
  },
  {
    code: 'SOCK',
    name: 'Socks 3-Pack',
    priceCents: 1490,
    popularity: 4,
    colours: ['BLK', 'WHT', 'GRY'],
    sizes: ['S', 'M', 'L'],
  },
  {
    code: 'CAP',
    name: 'Baseball Cap',
    priceCents: 2400,
    popularity: 3,
    colours: ['NVY', 'BLK', 'BEI'],
    sizes: [],
  },
  {
    code: 'MUG',
    name: 'Ceramic Mug',
    priceCents: 1250,
    popularity: 4,
    colours: ['WHT', 'BLK', 'BLU'],
    sizes: [],
  },
  { code: 'TOTE', name: 'Tote Bag', priceCents: 1690, popularity: 2, colours: ['NAT', 'BLK'], sizes: [] },
  {
    code: 'CUSH',
    name: 'Cushion Cover',
    priceCents: 2250,
    popularity: 2,
    colours: ['GRY', 'BEI', 'GRN'],
    sizes: [],
  },
  { code: 'THROW', name: 'Wool Throw', priceCents: 6900, popularity: 1, colours: ['GRY', 'BEI'], sizes: [] },
  {
    code: 'CNDL',
    name: 'Scented Candle',
    priceCents: 1890,
    popularity: 2,
    colours: ['LAV', 'VAN', 'CED'],
    sizes: [],
  },
  {
    code: 'TOWL',
    name: 'Bath Towel',
    priceCents: 2490,
    popularity: 2,
    colours: ['WHT', 'GRY', 'BLU'],
    sizes: [],
  },
];

/** Middle sizes sell best. */
const SIZE_POPULARITY: Readonly<Record<string, number>> = { XS: 0.4, S: 0.9, M: 1.4, L: 1.2, XL: 0.6 };

function articlesOf(line: ProductLine): Article[] {
  return line.colours.flatMap((colourCode, colourIndex) => {
    const colour = COLOURS[colourCode] ?? colourCode;
    // The first colour of a line is its best seller.
    const colourPopularity = 1 / (1 + colourIndex * 0.35);
    const base = { priceCents: line.priceCents, colourPopularity };
    if (line.sizes.length === 0) {
      return [
        {
          sku: `${line.code}-${colourCode}`,
          name: `${line.name} ${colour}`,
          priceCents: base.priceCents,
          popularity: line.popularity * colourPopularity,
        },
      ];
    }
    return line.sizes.map((size) => ({
      sku: `${line.code}-${colourCode}-${size}`,
      name: `${line.name} ${colour} ${size}`,
      priceCents: base.priceCents,
      popularity: (line.popularity * colourPopularity * (SIZE_POPULARITY[size] ?? 1)) / line.sizes.length,
    }));
  });
}

/** Every article, in a fixed order. */
export const CATALOG: readonly Article[] = LINES.flatMap(articlesOf);
