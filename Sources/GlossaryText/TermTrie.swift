/// A trie over match-key UTF-16 units, for longest-match and all-match
/// lookups of known terms (glossary terms, lexicon headwords, the word list
/// of the lattice segmenter) in a key buffer.
///
/// Transitions live in one open-addressing hash table keyed by (node, unit),
/// so the trie costs a few machine words per character and lookups allocate
/// nothing (this sits on the tokenizer's hot path). The table is three flat
/// arrays, so a trie can also live in a mapped cache image (``init(image:sections:)``)
/// and be used without being rebuilt: the lexicon and the word-frequency list
/// load that way. A value type: inserting into a copy (or into a mapped trie)
/// copies the arrays first.
public struct TermTrie: @unchecked Sendable {
  private var storage: TrieStorage

  public init() { storage = TrieStorage(slots: 64, nodes: 16) }

  /// Number of nodes (root included).
  public var nodeCount: Int { storage.nodeCount }

  /// Inserts a key; a later insert of the same key replaces the value.
  public mutating func insert<C: Collection>(_ key: C, value: Int32) where C.Element == UInt16 {
    guard !key.isEmpty else { return }
    if !isKnownUniquelyReferenced(&storage) || storage.isMapped { storage = storage.copy() }
    let s = storage
    var node: Int32 = 0
    for u in key {
      let edge = TrieStorage.edge(node, u)
      let next = s.child(edge)
      if next >= 0 {
        node = next
      } else {
        let fresh = s.addNode()
        s.insertEdge(edge, fresh)
        node = fresh
      }
    }
    s.values[Int(node)] = value
  }

  /// Value of an exact key, if present.
  public func value<C: Collection>(of key: C) -> Int32? where C.Element == UInt16 {
    let s = storage
    var node: Int32 = 0
    for u in key {
      node = s.child(TrieStorage.edge(node, u))
      if node < 0 { return nil }
    }
    let v = s.values[Int(node)]
    return v >= 0 ? v : nil
  }

  /// The longest key that starts at `start` in `text` and ends where
  /// `acceptsEnd` allows; returns its end offset and value.
  public func longestMatch(
    in text: UnsafeBufferPointer<UInt16>, from start: Int, acceptsEnd: (Int) -> Bool = { _ in true }
  ) -> (end: Int, value: Int32)? {
    var best: (end: Int, value: Int32)?
    forEachMatch(in: text, from: start) { end, v in
      if acceptsEnd(end) { best = (end, v) }
    }
    return best
  }

  /// All keys that start at `start` (shortest first), for nested-term search.
  public func allMatches(in text: UnsafeBufferPointer<UInt16>, from start: Int) -> [(end: Int, value: Int32)] {
    var found: [(end: Int, value: Int32)] = []
    forEachMatch(in: text, from: start) { found.append(($0, $1)) }
    return found
  }

  /// Calls `body(end, value)` for every key that starts at `start` in `text`,
  /// shortest first, without allocating.
  @inline(__always)
  public func forEachMatch(in text: UnsafeBufferPointer<UInt16>, from start: Int, _ body: (Int, Int32) -> Void) {
    let s = storage
    var node: Int32 = 0
    var i = start
    while i < text.count {
      node = s.child(TrieStorage.edge(node, text[i]))
      if node < 0 { return }
      i += 1
      let v = s.values[Int(node)]
      if v >= 0 { body(i, v) }
    }
  }

  // MARK: Images

  /// The three arrays of the trie, for `BinaryImageBuilder` (slot keys, slot children, node values).
  public func withArrays<R>(
    _ body: (UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) throws -> R
  ) rethrows -> R {
    let s = storage
    return try body(
      UnsafeBufferPointer(start: s.keys, count: s.slotMask + 1),
      UnsafeBufferPointer(start: s.children, count: s.slotMask + 1),
      UnsafeBufferPointer(start: s.values, count: s.nodeCount))
  }

  /// Writes the trie as three consecutive sections of an image, from `first`.
  public func write(into builder: inout BinaryImageBuilder, sections first: Int) {
    withArrays { keys, children, values in
      builder.put(first, keys)
      builder.put(first + 1, children)
      builder.put(first + 2, values)
    }
  }

  /// A read-only trie over three sections of an image written by ``write(into:sections:)``;
  /// nil when they are not a well-formed trie (the caller rebuilds the image).
  public init?(image: BinaryImage, sections first: Int) {
    let keys = image.section(first, UInt64.self), children = image.section(first + 1, Int32.self)
    let values = image.section(first + 2, Int32.self)
    let slots = keys.count
    guard slots >= 2, slots & (slots - 1) == 0, children.count == slots, !values.isEmpty,
      let k = keys.baseAddress, let c = children.baseAddress, let v = values.baseAddress
    else { return nil }
    storage = TrieStorage(
      mappedKeys: k, children: c, slotMask: slots - 1, values: v, nodeCount: values.count, owner: image)
  }
}

/// The arrays of a `TermTrie`: open addressing from an edge (node << 16 | unit)
/// to the child node, and the value of each node (-1: no key ends there).
/// Either owned (allocated here) or mapped (pointers into a `BinaryImage`,
/// which `owner` keeps alive; never written).
final class TrieStorage: @unchecked Sendable {
  static let empty = UInt64.max
  private(set) var keys: UnsafeMutablePointer<UInt64>
  private(set) var children: UnsafeMutablePointer<Int32>
  private(set) var slotMask: Int
  private(set) var edgeCount = 0
  private(set) var values: UnsafeMutablePointer<Int32>
  private(set) var nodeCount: Int
  private var nodeCapacity: Int
  private let owner: AnyObject?

  var isMapped: Bool { owner != nil }

  init(slots: Int, nodes: Int) {
    keys = .allocate(capacity: slots)
    keys.initialize(repeating: Self.empty, count: slots)
    children = .allocate(capacity: slots)
    children.initialize(repeating: -1, count: slots)
    slotMask = slots - 1
    values = .allocate(capacity: nodes)
    values.initialize(repeating: -1, count: nodes)
    nodeCount = 1
    nodeCapacity = nodes
    owner = nil
  }

  init(
    mappedKeys: UnsafePointer<UInt64>, children: UnsafePointer<Int32>, slotMask: Int, values: UnsafePointer<Int32>,
    nodeCount: Int, owner: AnyObject
  ) {
    keys = UnsafeMutablePointer(mutating: mappedKeys)
    self.children = UnsafeMutablePointer(mutating: children)
    self.slotMask = slotMask
    self.values = UnsafeMutablePointer(mutating: values)
    self.nodeCount = nodeCount
    nodeCapacity = nodeCount
    self.owner = owner
    edgeCount = max(0, nodeCount - 1)  // a trie has one edge into each node but the root
  }

  deinit {
    guard owner == nil else { return }
    keys.deallocate()
    children.deallocate()
    values.deallocate()
  }

  /// An owned copy (for writing).
  func copy() -> TrieStorage {
    let c = TrieStorage(slots: slotMask + 1, nodes: max(nodeCount * 2, 16))
    c.keys.update(from: keys, count: slotMask + 1)
    c.children.update(from: children, count: slotMask + 1)
    c.values.update(from: values, count: nodeCount)
    c.nodeCount = nodeCount
    c.edgeCount = edgeCount
    return c
  }

  @inline(__always) static func edge(_ node: Int32, _ unit: UInt16) -> UInt64 { UInt64(UInt32(node)) << 16 | UInt64(unit) }

  @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
  }

  /// The child along an edge, or -1.
  @inline(__always) func child(_ key: UInt64) -> Int32 {
    var i = Self.slot(key, slotMask)
    while true {
      let k = keys[i]
      if k == key { return children[i] }
      if k == Self.empty { return -1 }
      i = (i + 1) & slotMask
    }
  }

  func addNode() -> Int32 {
    if nodeCount == nodeCapacity {
      let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: nodeCapacity * 2)
      bigger.moveInitialize(from: values, count: nodeCount)
      bigger.advanced(by: nodeCount).initialize(repeating: -1, count: nodeCapacity * 2 - nodeCount)
      values.deallocate()
      values = bigger
      nodeCapacity *= 2
    }
    nodeCount += 1
    return Int32(nodeCount - 1)
  }

  func insertEdge(_ key: UInt64, _ child: Int32) {
    if (edgeCount + 1) * 2 > slotMask + 1 { grow() }
    var i = Self.slot(key, slotMask)
    while keys[i] != Self.empty && keys[i] != key { i = (i + 1) & slotMask }
    if keys[i] == Self.empty { edgeCount += 1 }
    keys[i] = key
    children[i] = child
  }

  private func grow() {
    let oldKeys = keys, oldChildren = children, oldCount = slotMask + 1
    let count = oldCount * 2
    keys = .allocate(capacity: count)
    keys.initialize(repeating: Self.empty, count: count)
    children = .allocate(capacity: count)
    children.initialize(repeating: -1, count: count)
    slotMask = count - 1
    for k in 0..<oldCount where oldKeys[k] != Self.empty {
      var i = Self.slot(oldKeys[k], slotMask)
      while keys[i] != Self.empty { i = (i + 1) & slotMask }
      keys[i] = oldKeys[k]
      children[i] = oldChildren[k]
    }
    oldKeys.deallocate()
    oldChildren.deallocate()
  }
}
