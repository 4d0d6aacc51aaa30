import Foundation

/// The kind of a binary image: an 8-byte magic, a version and a number of
/// sections. A `salt` (e.g. a hash of the ICU version the keys were made
/// with) is recorded too: an image with another salt is stale.
public struct ImageFormat: Sendable {
  public var magic: String
  public var version: UInt32
  public var sectionCount: Int
  public var salt: UInt64

  public init(magic: String, version: UInt32, sectionCount: Int, salt: UInt64 = 0) {
    precondition(magic.utf8.count == 8 && sectionCount <= BinaryImage.maxSections)
    self.magic = magic
    self.version = version
    self.sectionCount = sectionCount
    self.salt = salt
  }
}

/// A compiled structure as one flat byte image: a header (format, the
/// identity of the file it was built from, a few scalars), then sections of
/// little-endian integer arrays, each 8-byte aligned. The same image is used
/// in memory and memory-mapped from a cache file, so a warm start maps it and
/// touches only the pages it reads.
///
/// Header: magic(8) version(4) sections(4) salt(8) identity(48) size(8)
/// scalars(8 x 8) = 144 bytes, then the section table (offset, byte count) x 16 bytes.
public final class BinaryImage: @unchecked Sendable {
  public static let maxSections = 32
  static let scalarCount = 8
  static let tableOffset = 144
  static let headerSize = tableOffset + 16 * maxSections

  public let base: UnsafeRawPointer
  public let count: Int
  private let release: () -> Void

  init(base: UnsafeRawPointer, count: Int, release: @escaping () -> Void) {
    self.base = base
    self.count = count
    self.release = release
  }

  deinit { release() }

  /// An image holding a copy of `bytes`.
  public static func owning(_ bytes: [UInt8]) -> BinaryImage {
    let p = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 8), alignment: 8)
    bytes.withUnsafeBytes { if let b = $0.baseAddress { p.copyMemory(from: b, byteCount: bytes.count) } }
    return BinaryImage(base: UnsafeRawPointer(p), count: bytes.count) { p.deallocate() }
  }

  /// Maps a file read-only; nil when it cannot be opened or is too short to be an image.
  public static func map(path: String) -> BinaryImage? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_size >= headerSize else { return nil }
    let size = Int(st.st_size)
    guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
    return BinaryImage(base: UnsafeRawPointer(p), count: size) { munmap(p, size) }
  }

  @inline(__always) func u64(_ offset: Int) -> UInt64 { base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
  @inline(__always) func u32(_ offset: Int) -> UInt32 { base.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }

  /// Whether this is a complete image of `format` (magic, version, salt, recorded
  /// size, every section inside the image and aligned).
  public func isWellFormed(_ format: ImageFormat) -> Bool {
    guard count >= Self.headerSize else { return false }
    for (k, b) in format.magic.utf8.enumerated() where base.load(fromByteOffset: k, as: UInt8.self) != b { return false }
    guard u32(8) == format.version, Int(u32(12)) == format.sectionCount, u64(16) == format.salt,
      u64(72) == UInt64(count)
    else { return false }
    for s in 0..<format.sectionCount {
      let (o, n) = (u64(Self.tableOffset + 16 * s), u64(Self.tableOffset + 16 * s + 8))
      if o % 8 != 0 || o > UInt64(count) || n > UInt64(count) - o { return false }
    }
    return true
  }

  /// The identity of the file the image was built from.
  public var identity: FileIdentity {
    FileIdentity(
      size: u64(24), mtimeSec: Int64(bitPattern: u64(32)), mtimeNsec: Int64(bitPattern: u64(40)), inode: u64(48),
      headHash: u64(56), tailHash: u64(64))
  }

  /// One of the image's scalars (0..<8), set by `BinaryImageBuilder.setScalar`.
  public func scalar(_ k: Int) -> UInt64 { u64(80 + 8 * k) }

  /// A section as an array of `T` (its byte count divided by T's size).
  public func section<T>(_ s: Int, _ type: T.Type) -> UnsafeBufferPointer<T> {
    let o = Int(u64(Self.tableOffset + 16 * s)), n = Int(u64(Self.tableOffset + 16 * s + 8))
    return UnsafeBufferPointer(start: base.advanced(by: o).assumingMemoryBound(to: T.self), count: n / MemoryLayout<T>.stride)
  }
}

/// Builds a `BinaryImage`: sections are appended, then `finish` writes the header.
public struct BinaryImageBuilder {
  private let format: ImageFormat
  private var bytes = [UInt8](repeating: 0, count: BinaryImage.headerSize)
  private var table: [(UInt64, UInt64)]
  private var scalars = [UInt64](repeating: 0, count: BinaryImage.scalarCount)

  public init(format: ImageFormat) {
    self.format = format
    table = Array(repeating: (0, 0), count: format.sectionCount)
  }

  /// Sets section `s` to `values`.
  public mutating func put<T: FixedWidthInteger>(_ s: Int, _ values: UnsafeBufferPointer<T>) {
    while bytes.count % 8 != 0 { bytes.append(0) }
    table[s] = (UInt64(bytes.count), UInt64(values.count * MemoryLayout<T>.stride))
    bytes.append(contentsOf: UnsafeRawBufferPointer(values))
  }

  public mutating func put<T: FixedWidthInteger>(_ s: Int, _ values: [T]) {
    values.withUnsafeBufferPointer { put(s, $0) }
  }

  public mutating func setScalar(_ k: Int, _ value: UInt64) { scalars[k] = value }

  /// The finished image bytes.
  public mutating func finish(identity: FileIdentity) -> [UInt8] {
    while bytes.count % 8 != 0 { bytes.append(0) }
    for (k, b) in format.magic.utf8.enumerated() { bytes[k] = b }
    set(format.version, at: 8)
    set(UInt32(format.sectionCount), at: 12)
    set(format.salt, at: 16)
    set(identity.size, at: 24)
    set(UInt64(bitPattern: identity.mtimeSec), at: 32)
    set(UInt64(bitPattern: identity.mtimeNsec), at: 40)
    set(identity.inode, at: 48)
    set(identity.headHash, at: 56)
    set(identity.tailHash, at: 64)
    set(UInt64(bytes.count), at: 72)
    for (k, v) in scalars.enumerated() { set(v, at: 80 + 8 * k) }
    for (k, (o, n)) in table.enumerated() {
      set(o, at: BinaryImage.tableOffset + 16 * k)
      set(n, at: BinaryImage.tableOffset + 16 * k + 8)
    }
    return bytes
  }

  private mutating func set<T: FixedWidthInteger>(_ value: T, at offset: Int) {
    withUnsafeBytes(of: value.littleEndian) { raw in
      for (k, b) in raw.enumerated() { bytes[offset + k] = b }
    }
  }
}
