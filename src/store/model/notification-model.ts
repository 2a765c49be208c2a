/** In-app notices to teams and consumers (deprecations, retirements, refused changes). */

/** A notice to write. */
export interface NotificationInput {
  /** What happened: a CloudEvent type such as `dev.meshplane.contract.deprecated`. */
  readonly type: string;
  /** A team name or a consumer name. */
  readonly recipient: string;
  readonly title: string;
  readonly message: string;
  readonly productId?: string;
  readonly port?: string;
  /** Anything JSON can hold, for the UI to link or show. */
  readonly data?: unknown;
}

/** A stored notice. `readAt` is absent until the recipient marks it read. */
export interface Notification {
  readonly id: string;
  readonly createdAt: string;
  readonly type: string;
  readonly recipient: string;
  readonly title: string;
  readonly message: string;
  readonly productId?: string;
  readonly port?: string;
  readonly data?: unknown;
  readonly readAt?: string;
}

/** Narrows `listNotifications`; absent fields do not filter. */
export interface NotificationFilter {
  readonly recipient?: string;
  readonly productId?: string;
  /** Only notices not yet read. */
  readonly unreadOnly?: boolean;
  readonly limit: number;
}
