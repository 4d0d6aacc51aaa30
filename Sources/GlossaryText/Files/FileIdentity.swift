import Foundation

/// Identity of a file as recorded in a cache built from it: size, mtime,
/// inode and a hash of its first and last 64 KiB. A cache whose recorded
/// identity differs from the file's is stale.
public struct FileIdentity: Equatable, Sendable {
  public var size: UInt64
  public var mtimeSec: Int64
  public var mtimeNsec: Int64
  public var inode: UInt64
  public var headHash: UInt64
  public var tailHash: UInt64

  public init(size: UInt64, mtimeSec: Int64, mtimeNsec: Int64, inode: UInt64, headHash: UInt64, tailHash: UInt64) {
    self.size = size
    self.mtimeSec = mtimeSec
    self.mtimeNsec = mtimeNsec
    self.inode = inode
    self.headHash = headHash
    self.tailHash = tailHash
  }

  /// The identity of a file, or nil when it cannot be opened.
  public static func of(path: String) -> FileIdentity? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return of(fd: fd)
  }

  /// The identity of an open file.
  public static func of(fd: Int32) -> FileIdentity? {
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    let size = UInt64(st.st_size)
    let chunk = 65536
    var buf = [UInt8](repeating: 0, count: chunk)
    func hashAt(_ offset: Int) -> UInt64 {
      let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, chunk, off_t(offset)) }
      return buf.withUnsafeBufferPointer { StableHash.bytes(UnsafeBufferPointer(rebasing: $0[0..<max(0, n)]), seed: 7) }
    }
    return FileIdentity(
      size: size, mtimeSec: Int64(st.st_mtim.tv_sec), mtimeNsec: Int64(st.st_mtim.tv_nsec), inode: UInt64(st.st_ino),
      headHash: hashAt(0), tailHash: hashAt(max(0, Int(size) - chunk)))
  }

  /// The identity of data compiled into the program (no file): its size and a hash of all of it.
  public static func of(bytes: UnsafeBufferPointer<UInt8>) -> FileIdentity {
    FileIdentity(
      size: UInt64(bytes.count), mtimeSec: 0, mtimeNsec: 0, inode: 0, headHash: StableHash.bytes(bytes, seed: 7),
      tailHash: 0)
  }
}

/// A hash that is the same in every process and on every run (Swift's
/// `Hasher` is seeded per process): FNV-1a 64 with a seed, then a final mix.
/// For cache identities and on-disk tables.
public enum StableHash {
  @inline(__always)
  public static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (seed &* 0x9E37_79B9_7F4A_7C15)
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    h ^= h >> 33
    h = h &* 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    return h
  }

  public static func string(_ s: String, seed: UInt64 = 0) -> UInt64 {
    var s = s
    return s.withUTF8 { bytes($0, seed: seed) }
  }
}
