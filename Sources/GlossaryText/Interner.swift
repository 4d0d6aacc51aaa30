/// THE string-to-id table of this project: keys (sequences of code units or
/// bytes) get dense `Int32` ids 1, 2, 3 ... in order of first appearance; id 0
/// is reserved for "none" (never assigned), so an id array can use 0 as a hole.
///
/// Keys live in one contiguous arena and the table is open addressing over ids
/// (no per-key allocation, lookups from a buffer slice allocate nothing).
/// A value type: copy it to freeze a vocabulary.
///
/// ```swift
/// var words = Interner<UInt16>()
/// let a = words.intern(Array("talk".utf16))   // 1
/// words.intern(Array("talk".utf16))           // 1 again
/// words.id(of: Array("meet".utf16))           // 0: not interned
/// words.string(a)                             // "talk"
/// ```
public struct Interner<Unit: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
  /// All keys, back to back.
  private var arena: [Unit] = []
  /// Start of key `id` in `arena` is `starts[id - 1]`, its end `starts[id]` (starts[0] == 0).
  private var starts: [Int] = [0]
  /// Hash of each key (index id - 1), kept for growing the table.
  private var hashes: [UInt64] = []
  /// Open addressing slots holding ids (0: empty); the count is a power of two.
  private var slots: [Int32] = [Int32](repeating: 0, count: 16)

  public init() {}

  /// Number of interned keys; ids are `1...count`.
  public var count: Int { hashes.count }

  /// The id of a key, interning it when new.
  @discardableResult
  public mutating func intern(_ key: UnsafeBufferPointer<Unit>) -> Int32 {
    let h = Self.hash(key)
    var s = Int(truncatingIfNeeded: h) & (slots.count - 1)
    while true {
      let id = slots[s]
      if id == 0 { break }
      if hashes[Int(id) - 1] == h, equals(id, key) { return id }
      s = (s + 1) & (slots.count - 1)
    }
    guard count < Int(Int32.max) - 1 else { preconditionFailure("Interner: more than 2^31 keys") }
    arena.append(contentsOf: key)
    starts.append(arena.count)
    hashes.append(h)
    let id = Int32(hashes.count)
    slots[s] = id
    if count * 2 > slots.count { grow() }
    return id
  }

  /// The id of a key, interning it when new.
  @discardableResult
  public mutating func intern<C: Collection>(_ key: C) -> Int32 where C.Element == Unit {
    if let id = key.withContiguousStorageIfAvailable({ intern($0) }) { return id }
    return Array(key).withUnsafeBufferPointer { intern($0) }
  }

  /// The id of a key, or 0 when it was never interned.
  public func id(of key: UnsafeBufferPointer<Unit>) -> Int32 {
    let h = Self.hash(key)
    var s = Int(truncatingIfNeeded: h) & (slots.count - 1)
    while true {
      let id = slots[s]
      if id == 0 { return 0 }
      if hashes[Int(id) - 1] == h, equals(id, key) { return id }
      s = (s + 1) & (slots.count - 1)
    }
  }

  /// The id of a key, or 0 when it was never interned.
  public func id<C: Collection>(of key: C) -> Int32 where C.Element == Unit {
    if let id = key.withContiguousStorageIfAvailable({ id(of: $0) }) { return id }
    return Array(key).withUnsafeBufferPointer { id(of: $0) }
  }

  /// The key of an id (1...count).
  public subscript(id: Int32) -> ArraySlice<Unit> {
    precondition(id > 0 && Int(id) <= count, "Interner: no key with id \(id)")
    return arena[starts[Int(id) - 1]..<starts[Int(id)]]
  }

  /// Calls `body` with the key of an id without copying it.
  public func withKey<R>(_ id: Int32, _ body: (UnsafeBufferPointer<Unit>) throws -> R) rethrows -> R {
    precondition(id > 0 && Int(id) <= count, "Interner: no key with id \(id)")
    return try arena.withUnsafeBufferPointer { a in
      try body(UnsafeBufferPointer(rebasing: a[starts[Int(id) - 1]..<starts[Int(id)]]))
    }
  }

  private func equals(_ id: Int32, _ key: UnsafeBufferPointer<Unit>) -> Bool {
    let lo = starts[Int(id) - 1], hi = starts[Int(id)]
    guard hi - lo == key.count else { return false }
    return arena.withUnsafeBufferPointer { a in
      var i = 0
      while i < key.count {
        if a[lo + i] != key[i] { return false }
        i += 1
      }
      return true
    }
  }

  private mutating func grow() {
    var table = [Int32](repeating: 0, count: slots.count * 2)
    let mask = table.count - 1
    for (k, h) in hashes.enumerated() {
      var s = Int(truncatingIfNeeded: h) & mask
      while table[s] != 0 { s = (s + 1) & mask }
      table[s] = Int32(k + 1)
    }
    slots = table
  }

  /// FNV-1a over the units, then a final mix (so that the low bits index well).
  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<Unit>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for u in key { h = (h ^ UInt64(truncatingIfNeeded: u)) &* 0x100_0000_01b3 }
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
  }
}

extension Interner where Unit == UInt8 {
  /// The id of a string's UTF-8 bytes, interning it when new.
  @discardableResult
  public mutating func intern(_ s: String) -> Int32 {
    var s = s
    return s.withUTF8 { intern($0) }
  }

  /// The id of a string's UTF-8 bytes, or 0.
  public func id(of s: String) -> Int32 {
    var s = s
    return s.withUTF8 { id(of: $0) }
  }

  /// The key of an id as a string.
  public func string(_ id: Int32) -> String { withKey(id) { String(decoding: $0, as: UTF8.self) } }
}

extension Interner where Unit == UInt16 {
  /// The id of a string's UTF-16 units, interning it when new.
  @discardableResult
  public mutating func intern(_ s: String) -> Int32 { intern(Array(s.utf16)) }

  /// The id of a string's UTF-16 units, or 0.
  public func id(of s: String) -> Int32 { id(of: Array(s.utf16)) }

  /// The key of an id as a string.
  public func string(_ id: Int32) -> String { withKey(id) { String(decoding: $0, as: UTF16.self) } }
}
