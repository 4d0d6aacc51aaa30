import Foundation

/// The lookup index as one flat byte image: a header, then sections of
/// little-endian integer arrays, each 8-byte aligned. The same image is used
/// in memory (small glossaries) and memory-mapped from the cache file beside a
/// large glossary, so a lookup touches only the pages it probes.
///
/// Sections: rows (byte offset, length, line of each row in the glossary
/// file), concepts (rows per source term), and per key set (source keys,
/// target keys, pinyin keys of source terms): the key bytes, key offsets, key
/// -> concepts postings, an open-addressing hash table, and for source and
/// target a gram index (word / Han-bigram hash -> keys, shortest key first)
/// with a directory on the top bits of the hash (one probe, no binary search
/// over a large mapped array), and a pinyin table per Han code unit
/// (U+3400..U+9FFF) so a query's pinyin needs no transliterator at lookup time;
/// cache files also carry the Traditional-to-Simplified fold of every Han unit.
enum IndexLayout {
  static let magic: [UInt8] = Array("GLOSIDX5".utf8)
  static let version: UInt32 = 5
  /// Code units covered by the pinyin table.
  static let pinyinUnits: Range<UInt16> = 0x3400..<0xA000
  /// Pinyin table length meaning "not in the table".
  static let pinyinUnknown: UInt8 = 255
  static let headerSize = 1024
  /// Section ids.
  enum S: Int, CaseIterable {
    case rowOffset, rowLength, rowLine, conceptStart, conceptRows, columnSlots
    case srcBlob, srcStart, srcPost, srcConcepts, srcTable, srcGramHash, srcGramStart, srcGramKeys
    case tgtBlob, tgtStart, tgtPost, tgtConcepts, tgtTable, tgtGramHash, tgtGramStart, tgtGramKeys
    case pyBlob, pyStart, pyPost, pyConcepts, pyTable
    case srcGramDir, tgtGramDir, pyUnitOffset, pyUnitLength, pyUnitBlob
    /// Traditional-to-Simplified fold of each Han code unit in ``hanFoldUnits`` (cache files only):
    /// a lookup process then never opens ICU's transliterator (~10 ms).
    case hanFold
  }
  /// Code units covered by the Han fold table (CJK unified ideographs and compatibility ideographs).
  static let hanFoldUnits: Range<UInt16> = 0x3400..<0xFB00
  static func elementSize(_ s: S) -> Int {
    switch s {
    case .srcBlob, .tgtBlob, .pyBlob, .columnSlots, .pyUnitLength, .pyUnitBlob: return 1
    case .rowOffset, .srcGramHash, .tgtGramHash, .srcGramKeys, .tgtGramKeys: return 8
    case .hanFold: return 2
    default: return 4
    }
  }
  // Header: magic(8) version(4) sectionCount(4) fileSize(8) mtimeSec(8) mtimeNsec(8) inode(8)
  // headHash(8) tailHash(8) maxSrcUnits(4) maxTgtUnits(4) srcLang(16) tgtLang(16)
  // = 112; section table (offset, length) from byte 112... needs 16 * count.
  static let sectionTable = 112
}

/// Identity of a glossary file as recorded in its index: size, mtime, inode
/// and a hash of its first and last 64 KiB.
struct FileIdentity: Equatable {
  var size: UInt64
  var mtimeSec: Int64
  var mtimeNsec: Int64
  var inode: UInt64
  var headHash: UInt64
  var tailHash: UInt64

  static func of(path: String) -> FileIdentity? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return of(fd: fd)
  }

  static func of(fd: Int32) -> FileIdentity? {
    var st = stat()
    guard fstat(fd, &st) == 0 else { return nil }
    let size = UInt64(st.st_size)
    let chunk = 65536
    var buf = [UInt8](repeating: 0, count: chunk)
    func hashAt(_ offset: Int) -> UInt64 {
      let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, chunk, off_t(offset)) }
      return buf.withUnsafeBufferPointer { LookupKeys.hash(UnsafeBufferPointer(rebasing: $0[0..<max(0, n)]), seed: 7) }
    }
    let head = hashAt(0)
    let tail = hashAt(max(0, Int(size) - chunk))
    return FileIdentity(
      size: size, mtimeSec: Int64(st.st_mtim.tv_sec), mtimeNsec: Int64(st.st_mtim.tv_nsec), inode: UInt64(st.st_ino),
      headHash: head, tailHash: tail)
  }
}

/// Appends sections to a growing byte image.
struct IndexWriter {
  var bytes = [UInt8](repeating: 0, count: IndexLayout.headerSize)
  var table = [(UInt64, UInt64)](repeating: (0, 0), count: IndexLayout.S.allCases.count)

  mutating func put<T: FixedWidthInteger>(_ s: IndexLayout.S, _ values: [T]) {
    while bytes.count % 8 != 0 { bytes.append(0) }
    let offset = bytes.count
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    table[s.rawValue] = (UInt64(offset), UInt64(values.count))
  }

  mutating func set<T: FixedWidthInteger>(_ value: T, at offset: Int) {
    withUnsafeBytes(of: value.littleEndian) { raw in
      for (k, b) in raw.enumerated() { bytes[offset + k] = b }
    }
  }

  mutating func setString(_ s: String, at offset: Int, width: Int) {
    let u = Array(s.utf8.prefix(width))
    for k in 0..<width { bytes[offset + k] = k < u.count ? u[k] : 0 }
  }

  mutating func finish(identity: FileIdentity, maxSrcUnits: Int, maxTgtUnits: Int, languages: (String, String)) -> [UInt8] {
    for (k, b) in IndexLayout.magic.enumerated() { bytes[k] = b }
    set(IndexLayout.version, at: 8)
    set(UInt32(table.count), at: 12)
    set(identity.size, at: 16)
    set(identity.mtimeSec, at: 24)
    set(identity.mtimeNsec, at: 32)
    set(identity.inode, at: 40)
    set(identity.headHash, at: 48)
    set(identity.tailHash, at: 56)
    set(UInt32(maxSrcUnits), at: 64)
    set(UInt32(maxTgtUnits), at: 68)
    setString(languages.0, at: 72, width: 16)
    setString(languages.1, at: 88, width: 16)
    // Section table lives after the fixed header fields; headerSize leaves room for it.
    precondition(IndexLayout.sectionTable + 16 * table.count <= IndexLayout.headerSize)
    for (k, (o, c)) in table.enumerated() {
      set(o, at: IndexLayout.sectionTable + 16 * k)
      set(c, at: IndexLayout.sectionTable + 16 * k + 8)
    }
    return bytes
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
  func string(at offset: Int, width: Int) -> String {
    let b = UnsafeBufferPointer(start: base.advanced(by: offset).assumingMemoryBound(to: UInt8.self), count: width)
    return String(decoding: b.prefix { $0 != 0 }, as: UTF8.self)
  }

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

  var identity: FileIdentity {
    FileIdentity(size: u64(at: 16), mtimeSec: i64(at: 24), mtimeNsec: i64(at: 32), inode: u64(at: 40), headHash: u64(at: 48), tailHash: u64(at: 56))
  }

  func section<T>(_ s: IndexLayout.S, _ type: T.Type) -> UnsafeBufferPointer<T> {
    let o = Int(u64(at: IndexLayout.sectionTable + 16 * s.rawValue))
    let c = Int(u64(at: IndexLayout.sectionTable + 16 * s.rawValue + 8))
    return UnsafeBufferPointer(start: base.advanced(by: o).assumingMemoryBound(to: T.self), count: c)
  }
}
