/// The checksum of a lookup index cache file: four 64-bit multiply-rotate lanes over 32-byte blocks
/// (several GB/s, so a mapped cache is verified on every open), fed in pieces of any length while the
/// image is written, and in one piece when it is mapped; the same bytes give the same sum however they
/// are cut. Not cryptographic: it catches damaged and truncated files, not forgeries.
struct ImageChecksum {
  private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)
  private var pending = [UInt8](repeating: 0, count: 32)
  private var pendingCount = 0
  private var total: UInt64 = 0

  private static let prime: UInt64 = 0x9E37_79B9_7F4A_7C15

  @inline(__always) private static func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
    let x = (lane ^ word) &* prime
    return (x << 29) | (x >> 35)
  }

  @inline(__always) private mutating func block(_ p: UnsafeRawPointer) {
    lanes.0 = Self.mix(lanes.0, p.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
    lanes.1 = Self.mix(lanes.1, p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    lanes.2 = Self.mix(lanes.2, p.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
    lanes.3 = Self.mix(lanes.3, p.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
  }

  mutating func update(_ raw: UnsafeRawBufferPointer) {
    guard var p = raw.baseAddress, raw.count > 0 else { return }
    var n = raw.count
    total &+= UInt64(n)
    if pendingCount > 0 {
      let take = min(32 - pendingCount, n)
      for k in 0..<take { pending[pendingCount + k] = p.load(fromByteOffset: k, as: UInt8.self) }
      pendingCount += take
      p += take
      n -= take
      guard pendingCount == 32 else { return }
      pending.withUnsafeBytes { block($0.baseAddress!) }
      pendingCount = 0
    }
    while n >= 32 {
      block(p)
      p += 32
      n -= 32
    }
    for k in 0..<n { pending[k] = p.load(fromByteOffset: k, as: UInt8.self) }
    pendingCount = n
  }

  /// The sum of everything fed so far.
  func finish() -> UInt64 {
    var copy = self
    if copy.pendingCount > 0 {
      for k in copy.pendingCount..<32 { copy.pending[k] = 0 }
      copy.pending.withUnsafeBytes { copy.block($0.baseAddress!) }
    }
    var h = copy.total &* Self.prime
    for lane in [copy.lanes.0, copy.lanes.1, copy.lanes.2, copy.lanes.3] {
      h = Self.mix(h, lane)
    }
    return h ^ (h >> 32)
  }

  /// The sum of `raw` in one piece.
  static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    var c = ImageChecksum()
    c.update(raw)
    return c.finish()
  }
}
