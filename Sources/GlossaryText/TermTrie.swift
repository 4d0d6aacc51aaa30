/// A trie over match-key UTF-16 units, for longest-match lookups of known
/// terms (glossary terms, lexicon headwords) in a key buffer.
///
/// Transitions live in one open-addressing hash table keyed by (node, unit),
/// so the trie costs a few machine words per character and lookups allocate
/// nothing (this sits on the tokenizer's hot path).
public struct TermTrie: Sendable {
  private var transitions = EdgeTable()
  /// Value stored at each node; -1 when no term ends there.
  private var values: [Int32] = [-1]

  public init() {}

  /// Number of nodes (root included).
  public var nodeCount: Int { values.count }

  /// Inserts a key; a later insert of the same key replaces the value.
  public mutating func insert<C: Collection>(_ key: C, value: Int32) where C.Element == UInt16 {
    guard !key.isEmpty else { return }
    var node: Int32 = 0
    for u in key {
      let edge = UInt64(UInt32(node)) << 16 | UInt64(u)
      if let next = transitions[edge] {
        node = next
      } else {
        let next = Int32(values.count)
        values.append(-1)
        transitions.insert(edge, next)
        node = next
      }
    }
    values[Int(node)] = value
  }

  /// Value of an exact key, if present.
  public func value<C: Collection>(of key: C) -> Int32? where C.Element == UInt16 {
    var node: Int32 = 0
    for u in key {
      guard let next = transitions[UInt64(UInt32(node)) << 16 | UInt64(u)] else { return nil }
      node = next
    }
    let v = values[Int(node)]
    return v >= 0 ? v : nil
  }

  /// The longest key that starts at `start` in `text` and ends where
  /// `acceptsEnd` allows; returns its end offset and value.
  public func longestMatch(
    in text: UnsafeBufferPointer<UInt16>, from start: Int, acceptsEnd: (Int) -> Bool = { _ in true }
  ) -> (end: Int, value: Int32)? {
    var node: Int32 = 0
    var best: (end: Int, value: Int32)?
    var i = start
    while i < text.count {
      guard let next = transitions[UInt64(UInt32(node)) << 16 | UInt64(text[i])] else { break }
      node = next
      i += 1
      let v = values[Int(node)]
      if v >= 0, acceptsEnd(i) { best = (i, v) }
    }
    return best
  }

  /// All keys that start at `start` (shortest first), for nested-term search.
  public func allMatches(in text: UnsafeBufferPointer<UInt16>, from start: Int) -> [(end: Int, value: Int32)] {
    var node: Int32 = 0
    var found: [(end: Int, value: Int32)] = []
    var i = start
    while i < text.count {
      guard let next = transitions[UInt64(UInt32(node)) << 16 | UInt64(text[i])] else { break }
      node = next
      i += 1
      let v = values[Int(node)]
      if v >= 0 { found.append((i, v)) }
    }
    return found
  }
}

/// Open-addressing map from a trie edge (node << 16 | unit) to the child node.
struct EdgeTable: Sendable {
  private var keys: [UInt64]
  private var children: [Int32]
  private var mask: Int
  private(set) var count = 0
  private static let empty = UInt64.max

  init() {
    keys = [UInt64](repeating: EdgeTable.empty, count: 64)
    children = [Int32](repeating: -1, count: 64)
    mask = 63
  }

  @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
  }

  subscript(key: UInt64) -> Int32? {
    var i = EdgeTable.slot(key, mask)
    while true {
      let k = keys[i]
      if k == key { return children[i] }
      if k == EdgeTable.empty { return nil }
      i = (i + 1) & mask
    }
  }

  mutating func insert(_ key: UInt64, _ child: Int32) {
    if (count + 1) * 2 > keys.count { grow() }
    var i = EdgeTable.slot(key, mask)
    while keys[i] != EdgeTable.empty && keys[i] != key { i = (i + 1) & mask }
    if keys[i] == EdgeTable.empty { count += 1 }
    keys[i] = key
    children[i] = child
  }

  private mutating func grow() {
    let oldKeys = keys, oldChildren = children
    keys = [UInt64](repeating: EdgeTable.empty, count: oldKeys.count * 2)
    children = [Int32](repeating: -1, count: oldKeys.count * 2)
    mask = keys.count - 1
    count = 0
    for (k, c) in zip(oldKeys, oldChildren) where k != EdgeTable.empty { insert(k, c) }
  }
}
