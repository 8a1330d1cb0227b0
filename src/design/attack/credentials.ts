import { hasMfa, STAFF_ZONE_KINDS, type Identity } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { enclosingZone } from '../../model/predicates.js';
import type { AttackNodeKind } from './attack-graph.js';
import type { Builder, Endpoints } from './builder.js';
import { credentialTheft, RIGHT_PROBABILITY } from './exploitability.js';
import { groupsOf, loginLocations, type ThreatSource } from './sources.js';

type Right = NonNullable<Identity['rights']>[number];
type Holding = readonly [holder: string, right: Right];

/** Asset kinds nobody opens an interactive session on. */
const NO_LOGIN: readonly string[] = [
  'printer',
  'switch',
  'router',
  'firewall',
  'wifi-ap',
  'camera',
  'iot',
  'storage',
  'plc',
  'rtu',
  'safety-system',
];
/** Where a data set lies as a copy, not where its users open it. */
const COPY_KINDS: readonly string[] = ['backup-server', 'storage'];
/** Authentication methods of an asset's own accounts: a right on data does not open them. */
const LOCAL_METHODS: readonly string[] = ['password', 'certificate', 'key', 'none'];

/** One way from where the attacker stands to assets: a flow, an admin interface, or the zone. */
interface Route {
  /** Id of the cuttable element (`flow:<id>`, `admin-interface:<asset>:<i>`); none in a zone. */
  readonly element?: string;
  readonly kind?: AttackNodeKind;
  readonly entity?: string;
  readonly index?: number;
  readonly assets: readonly number[];
}

/**
 * Credentials in the attack graph. The credentials of an identity are held where they were
 * stolen (one of its login locations) and used from there: on an asset the identity
 * authenticates to, reached from that place by a flow, an administration interface open to
 * it, or because it stands in the same zone. Each such place is a lane of copies of the
 * cuttable elements (`Builder.alias`), so a path never uses a credential where it cannot reach.
 */
export class Credentials {
  readonly #graph: ModelGraph;
  readonly #builder: Builder;
  readonly #endpoints: Endpoints;
  readonly #routes = new Map<string, readonly Route[]>();
  readonly #adminFrom = new Map<string, { asset: string; index: number }[]>();
  readonly #backupTargets: ReadonlySet<string>;

  constructor(graph: ModelGraph, builder: Builder, endpoints: Endpoints) {
    this.#graph = graph;
    this.#builder = builder;
    this.#endpoints = endpoints;
    for (const asset of graph.model.assets) {
      (asset.adminInterfaces ?? []).forEach((adminInterface, index) => {
        for (const from of adminInterface.from ?? []) {
          const list = this.#adminFrom.get(from) ?? [];
          list.push({ asset: asset.id, index });
          this.#adminFrom.set(from, list);
        }
      });
    }
    this.#backupTargets = new Set(graph.model.backups.map((b) => b.target ?? ''));
  }

  /** Login hubs where the identity's credentials can be stolen, then where they are used. */
  addIdentity(identity: Identity): void {
    const graph = this.#graph;
    const rights = effectiveRights(graph, identity);
    const via = identity.kind === 'third-party' ? identity.remoteAccess?.via : undefined;
    // a member with nothing of its own is its group: the group's lanes already stand for it
    if (rights.length === 0) return;
    if (
      (identity.rights ?? []).length === 0 &&
      (identity.loginFrom ?? []).length === 0 &&
      via === undefined
    )
      return;
    const access = this.#authenticated(rights);
    if (access.size === 0) return;
    const locations = new Set(loginLocations(graph, identity));
    if (via !== undefined) locations.add(via);
    const mfa = hasMfa(graph, identity);
    for (const location of [...locations].sort()) {
      // in a zone, people log in on computers, not on printers, switches or controllers
      const initiators = this.#endpoints.initiators(location).filter(({ node }) => {
        const entity = this.#builder.nodes[node]?.entity ?? '';
        return !NO_LOGIN.includes(graph.asset(entity)?.kind ?? 'other') || location === entity;
      });
      if (initiators.length === 0) continue;
      const builder = this.#builder;
      const lane = `${identity.id}@${location}`;
      const login = builder.hub('login', lane, identity.id, { on: location });
      for (const { node: from, prior } of initiators)
        builder.edge(from, login, prior < 1 ? 'source' : 'link', { probability: prior });
      const held = builder.alias(`identity:${identity.id}`, lane, 'identity', identity.id);
      const theft = credentialTheft(identity, mfa, this.#endpoints.isInternet(location));
      builder.edge(login, held, 'credential', theft);
      this.#use(held, lane, location, identity.id, access, { probability: 1 }, true);
    }
  }

  /** An insider uses its own rights from where it logs in: they cannot be cut, routes can. */
  addInsider(source: ThreatSource, node: number): void {
    const identity =
      source.identity === undefined ? undefined : this.#graph.identity(source.identity);
    if (identity === undefined) return;
    const access = this.#authenticated(effectiveRights(this.#graph, identity));
    const zones = loginLocations(this.#graph, identity).filter(
      (l) => enclosingZone(this.#graph, l, STAFF_ZONE_KINDS) !== undefined,
    );
    const how = { probability: source.likelihood, technique: 'T1078' as const };
    for (const zone of zones)
      this.#use(
        node,
        `${source.id}@${zone}`,
        zone,
        `${identity.id}#${source.id}`,
        access,
        how,
        false,
      );
  }

  /** Edges from a holder of credentials in `location` to every asset they open from there. */
  #use(
    holder: number,
    lane: string,
    location: string,
    session: string,
    access: ReadonlyMap<number, readonly Holding[]>,
    first: { probability: number; technique?: 'T1078' },
    cuttable: boolean,
  ): void {
    const builder = this.#builder;
    const kind = cuttable ? 'link' : 'insider';
    for (const route of this.#routesFrom(location)) {
      const reached = route.assets.filter((a) => access.has(a));
      if (reached.length === 0) continue;
      let through = holder;
      if (route.element !== undefined) {
        const extra = route.index === undefined ? {} : { index: route.index };
        through = builder.alias(
          route.element,
          lane,
          route.kind ?? 'flow',
          route.entity ?? '',
          extra,
        );
        builder.edge(holder, through, kind, first);
      }
      for (const asset of reached) {
        const entity = builder.nodes[asset]?.entity ?? '';
        const node = builder.node({
          id: `session:${session}>${entity}`,
          kind: 'session',
          entity: session.split('#')[0] ?? session,
          cost: undefined,
          on: entity,
        });
        builder.edge(
          through,
          node,
          route.element === undefined ? kind : 'link',
          route.element === undefined ? first : { probability: 1 },
        );
        this.#rights(node, session, asset, access.get(asset) ?? [], cuttable);
      }
    }
  }

  #rights(
    session: number,
    key: string,
    asset: number,
    holdings: readonly Holding[],
    cuttable: boolean,
  ): void {
    const builder = this.#builder;
    const entity = builder.nodes[asset]?.entity ?? '';
    for (const [holder, right] of holdings) {
      const element = `right:${holder}@${right.on}`;
      const extra = { on: right.on, level: right.level };
      const node = cuttable
        ? builder.alias(element, `${key}>${entity}`, 'right', holder, extra)
        : builder.node({
            id: `${element}#${key}>${entity}`,
            kind: 'right',
            entity: holder,
            cost: undefined,
            ...extra,
          });
      builder.edge(session, node, 'link', { probability: 1 });
      builder.edge(node, asset, 'valid-account', {
        probability: RIGHT_PROBABILITY[right.level],
        technique: 'T1078',
      });
    }
  }

  /** Assets the rights authenticate to, with the rights that do. */
  #authenticated(rights: readonly Holding[]): Map<number, Holding[]> {
    const result = new Map<number, Holding[]>();
    for (const holding of rights) {
      for (const asset of this.placesOf(holding[1].on))
        result.set(asset, [...(result.get(asset) ?? []), holding]);
    }
    return result;
  }

  /**
   * Assets a right on `on` opens: the asset, the assets of a zone; for a data set, the assets
   * storing it that its users log in to — not backup copies or storage arrays, and not assets
   * whose accounts are their own (password, certificate, key).
   */
  placesOf(on: string): readonly number[] {
    const data = this.#graph.data(on);
    if (data === undefined) return this.#endpoints.destinations(on);
    return (data.storedOn ?? [])
      .filter((id) => {
        const asset = this.#graph.asset(id);
        if (asset === undefined || COPY_KINDS.includes(asset.kind) || this.#backupTargets.has(id))
          return false;
        return !LOCAL_METHODS.includes(asset.authentication?.method ?? 'directory');
      })
      .flatMap((id) => this.#endpoints.destinations(id));
  }

  /** Where one can go from a place: its zone, flows leaving it, admin interfaces open to it. */
  #routesFrom(location: string): readonly Route[] {
    const cached = this.#routes.get(location);
    if (cached !== undefined) return cached;
    const graph = this.#graph;
    const zone = graph.asset(location)?.zone;
    const isZone = graph.zone(location) !== undefined;
    const origins = new Set([location]);
    if (zone !== undefined) for (const z of [zone, ...graph.zoneAncestors(zone)]) origins.add(z);
    if (isZone) {
      for (const z of graph.zoneAncestors(location)) origins.add(z);
      // people logging in somewhere in a zone use its machines: what leaves them is open
      for (const asset of graph.assetsOfZone(location)) origins.add(asset);
      for (const z of graph.model.zones)
        if (graph.zoneAncestors(z.id).includes(location)) origins.add(z.id);
    }
    const local = isZone
      ? graph.assetsOfZone(location)
      : zone === undefined
        ? [location]
        : graph.assetsOfZone(zone, false);
    const routes: Route[] = [{ assets: local.flatMap((a) => this.#endpoints.destinations(a)) }];
    const seen = new Set<string>();
    const add = (route: Route & { element: string }): void => {
      if (seen.has(route.element) || route.assets.length === 0) return;
      seen.add(route.element);
      routes.push(route);
    };
    for (const origin of [...origins].sort()) {
      for (const flow of graph.flowsFrom(origin))
        add({
          element: `flow:${flow.id}`,
          kind: 'flow',
          entity: flow.id,
          assets: this.#endpoints.destinations(flow.to),
        });
      for (const flow of graph.flowsTo(origin)) {
        if (flow.bidirectional !== true) continue;
        const assets = this.#endpoints.destinations(flow.from);
        add({ element: `flow:${flow.id}:reverse`, kind: 'flow', entity: flow.id, assets });
      }
      for (const { asset, index } of this.#adminFrom.get(origin) ?? []) {
        const element = `admin-interface:${asset}:${index}`;
        add({
          element,
          kind: 'admin-interface',
          entity: asset,
          index,
          assets: this.#endpoints.destinations(asset),
        });
      }
    }
    this.#routes.set(location, routes);
    return routes;
  }
}

/** Rights an identity holds, its own and its groups', as [holder, right]. */
export function effectiveRights(graph: ModelGraph, identity: Identity): Holding[] {
  const result: Holding[] = (identity.rights ?? []).map((r) => [identity.id, r] as const);
  for (const group of groupsOf(graph, identity)) {
    for (const right of graph.identity(group)?.rights ?? []) result.push([group, right]);
  }
  return result;
}
