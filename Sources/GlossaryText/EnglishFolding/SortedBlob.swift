/// A sorted run of ASCII entries in a `StaticString`, searched in place by binary
/// search (the `look(1)` way: jump to the middle byte, back up to the entry's start).
/// Nothing is built at start-up; a search is O(log n) entry comparisons.
struct SortedBlob: @unchecked Sendable {  // points into immutable static data
  let bytes: UnsafeBufferPointer<UInt8>
  /// Bytes that end an entry.
  let terminator: ClosedRange<UInt8>
  /// The byte that ends an entry's key inside the entry (nil: the terminator does).
  let keyEnd: UInt8?

  init(_ s: StaticString, terminator: ClosedRange<UInt8>, keyEnd: UInt8? = nil) {
    bytes = UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
    self.terminator = terminator
    self.keyEnd = keyEnd
  }

  /// The entry whose key equals `key`: the bytes after its key up to (not including) its
  /// terminator, and the terminator byte itself.
  func find(_ key: UnsafeBufferPointer<UInt8>) -> (payload: Range<Int>, terminator: UInt8)? {
    var lo = 0, hi = bytes.count
    while lo < hi {
      var s = (lo + hi) / 2
      while s > lo, !terminator.contains(bytes[s - 1]) { s -= 1 }
      var e = s
      while e < bytes.count, !terminator.contains(bytes[e]) { e += 1 }
      var k = s
      while k < e, bytes[k] != keyEnd { k += 1 }
      let c = compare(key, s..<k)
      if c == 0 { return (Swift.min(k + 1, e)..<e, e < bytes.count ? bytes[e] : 0) }
      if c < 0 { hi = s } else { lo = e + 1 }
    }
    return nil
  }

  private func compare(_ key: UnsafeBufferPointer<UInt8>, _ entry: Range<Int>) -> Int {
    var i = 0
    let n = Swift.min(key.count, entry.count)
    while i < n {
      let a = key[i], b = bytes[entry.lowerBound + i]
      if a != b { return a < b ? -1 : 1 }
      i += 1
    }
    return key.count == entry.count ? 0 : key.count < entry.count ? -1 : 1
  }
}
