/**
 * The parsed shape of BinXML: template bodies and record fragments as small immutable trees.
 * Substitution values are decoded once per record into plain JS values.
 */

/** A BinXML fragment carried by a substitution of type BinXml (0x21), e.g. UserData content. */
export interface Fragment {
  readonly kind: 'fragment';
  readonly nodes: readonly BxNode[];
}

/**
 * A decoded substitution value: numbers and booleans for integer types (bigint past 2^53),
 * strings for every textual rendering (GUID, SID, times, hex, reals, arrays joined by commas),
 * null for the Null type, a Fragment for nested BinXML.
 */
export type EvtxValue = null | string | number | boolean | bigint | Fragment;

export interface ElementNode {
  readonly kind: 'element';
  readonly name: string;
  readonly attrs: readonly AttrNode[];
  readonly children: readonly BxNode[];
  /** True when a child is a substitution or template instance (content known per record). */
  readonly dynamic: boolean;
  /** True when a child is a literal element. */
  readonly hasElementChild: boolean;
}

export interface AttrNode {
  readonly name: string;
  /** Text and substitution nodes only. */
  readonly value: readonly BxNode[];
}

export interface TextNode {
  readonly kind: 'text';
  readonly text: string;
}

export interface SubstNode {
  readonly kind: 'subst';
  readonly index: number;
  readonly optional: boolean;
}

/** A template instance: the (cached, shared) template body and this record's values. */
export interface InstanceNode {
  readonly kind: 'instance';
  readonly nodes: readonly BxNode[];
  readonly values: readonly EvtxValue[];
}

export type BxNode = ElementNode | TextNode | SubstNode | InstanceNode;
