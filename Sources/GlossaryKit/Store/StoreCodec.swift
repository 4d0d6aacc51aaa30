/// The byte encoding of the store's blobs: unsigned LEB128 varints, zigzag
/// for signed values, little-endian floats. Small integers (token ids, deltas
/// of offsets) take one or two bytes.
struct ByteWriter {
  var bytes: [UInt8] = []

  init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

  @inline(__always) mutating func varint(_ v: UInt64) {
    var v = v
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  @inline(__always) mutating func int(_ v: Int) { varint(UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))) }
  @inline(__always) mutating func count(_ v: Int) { varint(UInt64(v)) }

  mutating func float(_ v: Float) {
    let b = v.bitPattern
    for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: b >> (8 * UInt32(k)))) }
  }

  mutating func double(_ v: Double) {
    let b = v.bitPattern
    for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: b >> (8 * UInt64(k)))) }
  }

  mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { u in
      count(u.count)
      bytes.append(contentsOf: u)
    }
  }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked and a short or
/// malformed blob throws `ByteReader.Malformed` (the store is then rebuilt).
struct ByteReader {
  struct Malformed: Error {}

  let bytes: UnsafeRawBufferPointer
  var at = 0

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  var isAtEnd: Bool { at >= bytes.count }

  @inline(__always) mutating func varint() throws -> UInt64 {
    var v: UInt64 = 0, shift: UInt64 = 0
    while true {
      guard at < bytes.count, shift < 64 else { throw Malformed() }
      let b = bytes[at]
      at += 1
      v |= UInt64(b & 0x7F) << shift
      if b < 0x80 { return v }
      shift += 7
    }
  }

  @inline(__always) mutating func int() throws -> Int {
    let u = try varint()
    return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
  }

  /// A count or index: non-negative, at most `limit`.
  @inline(__always) mutating func count(limit: Int = Int(Int32.max)) throws -> Int {
    let v = try varint()
    guard limit >= 0, v <= UInt64(limit) else { throw Malformed() }
    return Int(v)
  }

  mutating func float() throws -> Float {
    guard at + 4 <= bytes.count else { throw Malformed() }
    var b: UInt32 = 0
    for k in 0..<4 { b |= UInt32(bytes[at + k]) << (8 * UInt32(k)) }
    at += 4
    return Float(bitPattern: b)
  }

  mutating func double() throws -> Double {
    guard at + 8 <= bytes.count else { throw Malformed() }
    var b: UInt64 = 0
    for k in 0..<8 { b |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
    at += 8
    return Double(bitPattern: b)
  }

  mutating func string() throws -> String {
    let n = try count(limit: bytes.count - at)
    let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
    at += n
    return s
  }
}
