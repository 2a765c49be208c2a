/** The subset of Avro 1.11 schemas the exporter writes. */
export type AvroPrimitive = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';

export interface AvroLogical {
  readonly type: 'int' | 'long' | 'bytes' | 'string';
  readonly logicalType: 'date' | 'time-millis' | 'timestamp-millis' | 'decimal' | 'uuid';
  readonly precision?: number;
  readonly scale?: number;
}

export interface AvroArray {
  readonly type: 'array';
  readonly items: AvroType;
}

export interface AvroField {
  readonly name: string;
  readonly doc?: string;
  readonly type: AvroType;
  /** Only `null`, on an optional field whose union starts with `"null"`. */
  readonly default?: null;
}

export interface AvroRecord {
  readonly type: 'record';
  readonly name: string;
  readonly namespace?: string;
  readonly doc?: string;
  readonly fields: readonly AvroField[];
}

/** A non-union type; an optional field's type is the union `["null", T]`. */
export type AvroSingleType = AvroPrimitive | AvroLogical | AvroArray | AvroRecord;
export type AvroType = AvroSingleType | readonly ['null', AvroSingleType];
