import Foundation
import GlossaryText

/// What a lookup cache records of its glossary: GlossaryText's ``FileIdentity`` (size, mtime, inode,
/// hash of the first and last 64 KiB) and the file's ctime, which no one can set back: a same-size
/// rewrite with its old mtime still changes it.
struct GlossaryIdentity: Equatable {
  var file: FileIdentity
  var ctimeSec: Int64 = 0
  var ctimeNsec: Int64 = 0

  static func of(path: String) -> GlossaryIdentity? {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return of(fd: fd)
  }

  static func of(fd: Int32) -> GlossaryIdentity? {
    var st = stat()
    guard fstat(fd, &st) == 0, let file = FileIdentity.of(fd: fd) else { return nil }
    return GlossaryIdentity(file: file, ctimeSec: Int64(st.st_ctim.tv_sec), ctimeNsec: Int64(st.st_ctim.tv_nsec))
  }
}

/// Read access to an index image (owned memory or a memory map).
final class IndexImage {
  let base: UnsafeRawPointer
  let count: Int
  private let release: () -> Void

  init(base: UnsafeRawPointer, count: Int, release: @escaping () -> Void) {
    self.base = base
    self.count = count
    self.release = release
  }

  deinit { release() }

  /// An image holding a copy of `bytes`.
  static func owning(_ bytes: [UInt8]) -> IndexImage {
    let p = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 8), alignment: 8)
    bytes.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
    return IndexImage(base: UnsafeRawPointer(p), count: bytes.count) { p.deallocate() }
  }

  func u32(at offset: Int) -> UInt32 { base.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
  func u64(at offset: Int) -> UInt64 { base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
  func i64(at offset: Int) -> Int64 { base.loadUnaligned(fromByteOffset: offset, as: Int64.self) }

  /// Whether the image is a complete index of this format.
  var isWellFormed: Bool {
    guard count >= IndexLayout.headerSize else { return false }
    for (k, b) in IndexLayout.magic.enumerated() where base.load(fromByteOffset: k, as: UInt8.self) != b { return false }
    guard u32(at: 8) == IndexLayout.version, Int(u32(at: 12)) == IndexLayout.S.allCases.count else { return false }
    for s in IndexLayout.S.allCases {
      let (o, c) = (u64(at: IndexLayout.sectionTable + 16 * s.rawValue), u64(at: IndexLayout.sectionTable + 16 * s.rawValue + 8))
      if o > UInt64(count) || c > UInt64(count) || o + c * UInt64(IndexLayout.elementSize(s)) > UInt64(count) { return false }
    }
    return true
  }

  var identity: GlossaryIdentity {
    GlossaryIdentity(
      file: FileIdentity(size: u64(at: 16), mtimeSec: i64(at: 24), mtimeNsec: i64(at: 32), inode: u64(at: 40), headHash: u64(at: 48), tailHash: u64(at: 56)),
      ctimeSec: i64(at: 72), ctimeNsec: i64(at: 80))
  }

  /// Whether the image's checksum (``IndexLayout/checksumOffset``) matches its bytes: a cache file with a
  /// damaged byte anywhere is rebuilt, never read. (Reads every page: a few ms for a million-row glossary.)
  var checksumIsValid: Bool {
    guard count >= IndexLayout.headerSize else { return false }
    var header = [UInt8](UnsafeRawBufferPointer(start: base, count: IndexLayout.headerSize))
    for k in 0..<8 { header[IndexLayout.checksumOffset + k] = 0 }
    let body = ImageChecksum.of(UnsafeRawBufferPointer(start: base + IndexLayout.headerSize, count: count - IndexLayout.headerSize))
    return header.withUnsafeBytes { IndexLayout.checksum(header: $0, body: body) } == u64(at: IndexLayout.checksumOffset)
  }

  func section<T>(_ s: IndexLayout.S, _ type: T.Type) -> UnsafeBufferPointer<T> {
    let o = Int(u64(at: IndexLayout.sectionTable + 16 * s.rawValue))
    let c = Int(u64(at: IndexLayout.sectionTable + 16 * s.rawValue + 8))
    return UnsafeBufferPointer(start: base.advanced(by: o).assumingMemoryBound(to: T.self), count: c)
  }
}
